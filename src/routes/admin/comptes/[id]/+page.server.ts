import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listRoleChanges } from '$lib/server/auth/role-audit.repository';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import { findUserById } from '$lib/server/auth/users.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	requireRole(locals, ['admin']);
	const db = getDb();
	const user = await findUserById(db, params.id);
	if (!user) error(404, 'Ce compte n’existe pas.');
	const history = await listRoleChanges(db, user.id);
	return {
		account: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: ROLE_LABELS[user.role],
			createdAt: user.createdAt.toISOString()
		},
		history: history.map((entry) => ({
			id: entry.id,
			from: entry.oldRole ? ROLE_LABELS[entry.oldRole] : null,
			to: ROLE_LABELS[entry.newRole],
			by: entry.origin === 'cli' ? 'ligne de commande' : (entry.actorName ?? 'compte supprimé depuis'),
			at: entry.createdAt.toISOString()
		}))
	};
};
