import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { countUsersByRole } from '$lib/server/auth/users.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ['admin']);
	return { counts: await countUsersByRole(getDb()) };
};
