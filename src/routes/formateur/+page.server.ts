import { requireRole } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { trainerSpace } from '$lib/server/groups/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ['trainer', 'admin']);
	return { groups: await trainerSpace(getDb(), getCatalog(), user, new Date()), isAdmin: user.role === 'admin' };
};
