import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Role, SessionUser } from './types';
import { isUuid } from '../db/ids';

/** An account as the auth domain needs it; the hash never leaves the server. */
export interface UserRecord extends SessionUser {
	passwordHash: string;
	createdAt: Date;
}

const userColumns = ['id', 'email', 'display_name', 'password_hash', 'role', 'created_at'] as const;

type UserRow = { id: string; email: string; display_name: string; password_hash: string; role: Role; created_at: Date };

function toUser(row: UserRow): UserRecord {
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		role: row.role,
		passwordHash: row.password_hash,
		createdAt: row.created_at
	};
}

/** Emails are stored trimmed and in lowercase; the unique index is on lower(email) too. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | null> {
	const row = await db
		.selectFrom('app_user')
		.select(userColumns)
		.where(sql`lower(email)`, '=', normalizeEmail(email))
		.executeTakeFirst();
	return row ? toUser(row) : null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | null> {
	if (!isUuid(id)) return null;
	const row = await db.selectFrom('app_user').select(userColumns).where('id', '=', id).executeTakeFirst();
	return row ? toUser(row) : null;
}

/** Inserts an account; returns null when the email is already taken (unique index). */
export async function insertUser(
	db: Executor,
	user: { email: string; displayName: string; passwordHash: string; role?: Role }
): Promise<UserRecord | null> {
	const row = await db
		.insertInto('app_user')
		.values({
			email: normalizeEmail(user.email),
			display_name: user.displayName,
			password_hash: user.passwordHash,
			role: user.role ?? 'candidate'
		})
		.onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
		.returning(userColumns)
		.executeTakeFirst();
	return row ? toUser(row) : null;
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
	await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function updateUserRole(db: Executor, userId: string, role: Role): Promise<void> {
	await db.updateTable('app_user').set({ role }).where('id', '=', userId).execute();
}

/** Deletes the account; every table referencing app_user cascades (see README). */
export async function deleteUser(db: Executor, userId: string): Promise<void> {
	await db.deleteFrom('app_user').where('id', '=', userId).execute();
}

export async function countUsersWithRole(db: Executor, role: Role): Promise<number> {
	const row = await db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('role', '=', role)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function countUsersByRole(db: Executor): Promise<Record<Role, number>> {
	const rows = await db
		.selectFrom('app_user')
		.select(['role', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy('role')
		.execute();
	const counts: Record<Role, number> = { candidate: 0, trainer: 0, admin: 0 };
	for (const row of rows) counts[row.role] = Number(row.count);
	return counts;
}

export interface UserListPage {
	users: UserRecord[];
	total: number;
}

/** One page of accounts, newest first, filtered on email or display name (case-insensitive). */
export async function listUsers(
	db: Executor,
	{ search = '', page = 1, pageSize = 25 }: { search?: string; page?: number; pageSize?: number }
): Promise<UserListPage> {
	const pattern = `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const filtered = db
		.selectFrom('app_user')
		.where((eb) =>
			eb.or([eb(sql`lower(email)`, 'like', pattern), eb(sql`lower(display_name)`, 'like', pattern)])
		);
	const [rows, count] = await Promise.all([
		filtered
			.select(userColumns)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
	]);
	return { users: rows.map(toUser), total: Number(count.count) };
}

/**
 * Serialises the changes that must keep at least one administrator (role change, account
 * deletion) until the transaction ends; ordinary reads are not blocked.
 */
export async function lockUsersForAdminCheck(db: Executor): Promise<void> {
	await sql`lock table app_user in share row exclusive mode`.execute(db);
}
