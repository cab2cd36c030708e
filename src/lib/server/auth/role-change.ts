import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { insertRoleChange, type RoleChangeOrigin } from './role-audit.repository';
import type { Role } from './types';
import { countUsersWithRole, findUserById, lockUsersForAdminCheck, updateUserRole } from './users.repository';

export type RoleChangeResult =
	| { ok: true; changed: boolean }
	| { ok: false; reason: 'not-found' | 'last-admin' };

/**
 * Gives an account a new role and writes who did it, what and when to the audit log, in one
 * transaction. Refuses to demote the last administrator, which would lock everyone out of
 * /admin; the users table is locked meanwhile, so two admins demoting each other at once
 * cannot leave none.
 */
export async function changeUserRole(
	db: Kysely<Database>,
	input: { actorId: string | null; userId: string; role: Role; origin?: RoleChangeOrigin; now?: Date }
): Promise<RoleChangeResult> {
	const { now = new Date(), origin = 'web' } = input;
	return db.transaction().execute(async (trx) => {
		// The last-admin count below must stay true until commit.
		await lockUsersForAdminCheck(trx);
		const target = await findUserById(trx, input.userId);
		if (!target) return { ok: false, reason: 'not-found' } as const;
		if (target.role === input.role) return { ok: true, changed: false } as const;
		if (target.role === 'admin' && (await countUsersWithRole(trx, 'admin')) <= 1) {
			return { ok: false, reason: 'last-admin' } as const;
		}
		await updateUserRole(trx, target.id, input.role);
		await insertRoleChange(trx, {
			userId: target.id,
			actorId: input.actorId,
			oldRole: target.role,
			newRole: input.role,
			origin,
			createdAt: now
		});
		return { ok: true, changed: true } as const;
	});
}
