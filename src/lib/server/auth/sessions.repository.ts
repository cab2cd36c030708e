import type { Executor } from '../db';
import type { Role } from './types';

export interface SessionRow {
	id: string;
	userId: string;
	expiresAt: Date;
}

export interface SessionWithUserRow extends SessionRow {
	email: string;
	displayName: string;
	role: Role;
}

export async function insertSession(db: Executor, session: SessionRow): Promise<void> {
	await db
		.insertInto('user_session')
		.values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt })
		.execute();
}

export async function findSessionWithUser(db: Executor, sessionId: string): Promise<SessionWithUserRow | null> {
	const row = await db
		.selectFrom('user_session')
		.innerJoin('app_user', 'app_user.id', 'user_session.user_id')
		.select([
			'user_session.id',
			'user_session.user_id',
			'user_session.expires_at',
			'app_user.email',
			'app_user.display_name',
			'app_user.role'
		])
		.where('user_session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		userId: row.user_id,
		expiresAt: row.expires_at,
		email: row.email,
		displayName: row.display_name,
		role: row.role
	};
}

export async function updateSessionExpiry(db: Executor, sessionId: string, expiresAt: Date): Promise<void> {
	await db.updateTable('user_session').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
	await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
	const result = await db.deleteFrom('user_session').where('expires_at', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function countUserSessions(db: Executor, userId: string): Promise<number> {
	const row = await db
		.selectFrom('user_session')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
