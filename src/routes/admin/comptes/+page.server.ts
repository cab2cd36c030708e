import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { changeUserRole } from '$lib/server/auth/role-change';
import { isRole, ROLE_LABELS, ROLES } from '$lib/server/auth/roles';
import { listUsers } from '$lib/server/auth/users.repository';
import { isUuid } from '$lib/server/db/ids';
import { readFormData } from '$lib/server/auth/form';
import { hasControlCharacters, parsePositiveIntParam, readField } from '$lib/server/auth/validation';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;
/** Far beyond any real list; keeps the offset a small number. */
const MAX_PAGE = 100_000;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, ['admin']);
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	if (hasControlCharacters(search)) error(400, 'La recherche contient des caractères non autorisés.');
	const requested = parsePositiveIntParam(url.searchParams.get('page'), { fallback: 1, max: MAX_PAGE });
	if (requested === null) error(400, 'Le numéro de page doit être un nombre entier positif.');
	let result = await listUsers(getDb(), { search, page: requested, pageSize: PAGE_SIZE });
	const lastPage = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
	// Past the last page: show the last one rather than an empty list.
	if (requested > lastPage) result = await listUsers(getDb(), { search, page: lastPage, pageSize: PAGE_SIZE });
	const page = Math.min(requested, lastPage);
	const { users, total } = result;
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
		const form = await readFormData(request);
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
