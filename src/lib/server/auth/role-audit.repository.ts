import type { Executor } from '../db';
import type { Role } from './types';

export type RoleChangeOrigin = 'web' | 'cli';

export interface RoleChangeEntry {
	id: number;
	userId: string;
	actorId: string | null;
	actorName: string | null;
	oldRole: Role | null;
	newRole: Role;
	origin: RoleChangeOrigin;
	createdAt: Date;
}

export async function insertRoleChange(
	db: Executor,
	entry: { userId: string; actorId: string | null; oldRole: Role | null; newRole: Role; origin: RoleChangeOrigin; createdAt: Date }
): Promise<void> {
	await db
		.insertInto('role_change_audit')
		.values({
			user_id: entry.userId,
			actor_id: entry.actorId,
			old_role: entry.oldRole,
			new_role: entry.newRole,
			origin: entry.origin,
			created_at: entry.createdAt
		})
		.execute();
}

/** The role history of one account, newest first, with who made each change. */
export async function listRoleChanges(db: Executor, userId: string): Promise<RoleChangeEntry[]> {
	const rows = await db
		.selectFrom('role_change_audit')
		.leftJoin('app_user as actor', 'actor.id', 'role_change_audit.actor_id')
		.select([
			'role_change_audit.id',
			'role_change_audit.user_id',
			'role_change_audit.actor_id',
			'actor.display_name as actor_name',
			'role_change_audit.old_role',
			'role_change_audit.new_role',
			'role_change_audit.origin',
			'role_change_audit.created_at'
		])
		.where('role_change_audit.user_id', '=', userId)
		.orderBy('role_change_audit.created_at', 'desc')
		.orderBy('role_change_audit.id', 'desc')
		.execute();
	return rows.map((row) => ({
		id: Number(row.id),
		userId: row.user_id,
		actorId: row.actor_id,
		actorName: row.actor_name,
		oldRole: row.old_role,
		newRole: row.new_role,
		origin: row.origin,
		createdAt: row.created_at
	}));
}
