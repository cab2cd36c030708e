import { homeOf } from '$lib/paths';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	return { user: locals.user, home: locals.user ? homeOf(locals.user.role) : null };
};
