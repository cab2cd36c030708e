import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/session-flow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	default: async (event) => {
		await endSession(event);
		redirect(303, '/');
	}
};
