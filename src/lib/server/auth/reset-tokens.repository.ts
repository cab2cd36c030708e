import type { Executor } from '../db';

/**
 * Stores the account's one live token, replacing any earlier one in the same statement: the
 * unique index on user_id makes parallel requests take turns, so one token is left.
 */
export async function replaceResetToken(db: Executor, token: { id: string; userId: string; expiresAt: Date; createdAt: Date }): Promise<void> {
	await db
		.insertInto('password_reset_token')
		.values({ id: token.id, user_id: token.userId, expires_at: token.expiresAt, created_at: token.createdAt })
		.onConflict((conflict) =>
			conflict.column('user_id').doUpdateSet({ id: token.id, expires_at: token.expiresAt, created_at: token.createdAt })
		)
		.execute();
}

/** The user a live (unexpired) token belongs to, without using it up. */
export async function findResetTokenUserId(db: Executor, tokenId: string, now: Date): Promise<string | null> {
	const row = await db
		.selectFrom('password_reset_token')
		.select('user_id')
		.where('id', '=', tokenId)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row?.user_id ?? null;
}

/**
 * Uses a token up: deleting it is what makes it single-use, and doing it in one statement
 * means two simultaneous submissions cannot both succeed. Returns the user id, or null.
 */
export async function consumeResetToken(db: Executor, tokenId: string, now: Date): Promise<string | null> {
	const row = await db
		.deleteFrom('password_reset_token')
		.where('id', '=', tokenId)
		.where('expires_at', '>', now)
		.returning('user_id')
		.executeTakeFirst();
	return row?.user_id ?? null;
}

export async function deleteUserResetTokens(db: Executor, userId: string): Promise<void> {
	await db.deleteFrom('password_reset_token').where('user_id', '=', userId).execute();
}

export async function deleteExpiredResetTokens(db: Executor, now: Date): Promise<number> {
	const result = await db.deleteFrom('password_reset_token').where('expires_at', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}
