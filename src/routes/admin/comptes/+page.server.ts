import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { changeUserRole } from '$lib/server/auth/role-change';
import { isRole, ROLE_LABELS, ROLES } from '$lib/server/auth/roles';
import { listUsers } from '$lib/server/auth/users.repository';
import { isUuid } from '$lib/server/db/ids';
import { readField } from '$lib/server/auth/validation';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, ['admin']);
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
	const { users, total } = await listUsers(getDb(), { search, page, pageSize: PAGE_SIZE });
	return {
		search,
		page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		users: users.map((user) => ({
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: user.role,
			createdAt: user.createdAt.toISOString()
		})),
		roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))
	};
};

export const actions: Actions = {
	changeRole: async ({ locals, request }) => {
		const admin = requireRole(locals, ['admin']);
		const form = await request.formData();
		const userId = readField(form, 'userId');
		const role = readField(form, 'role');
		if (!isUuid(userId)) return fail(400, { userId, error: 'Compte inconnu.' });
		if (!isRole(role)) return fail(400, { userId, error: 'Choisissez un rôle dans la liste.' });

		const result = await changeUserRole(getDb(), { actorId: admin.id, userId, role });
		if (!result.ok && result.reason === 'not-found') return fail(404, { userId, error: 'Ce compte n’existe plus.' });
		if (!result.ok) {
			return fail(400, { userId, error: 'Impossible : c’est le dernier administrateur. Nommez-en un autre d’abord.' });
		}
		return { userId, success: result.changed ? `Rôle modifié : ${ROLE_LABELS[role]}.` : 'Ce compte avait déjà ce rôle.' };
	}
};
