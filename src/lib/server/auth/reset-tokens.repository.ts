import type { Executor } from '../db';

export async function insertResetToken(db: Executor, token: { id: string; userId: string; expiresAt: Date }): Promise<void> {
	await db
		.insertInto('password_reset_token')
		.values({ id: token.id, user_id: token.userId, expires_at: token.expiresAt })
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
