import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password-policy';
import { HOME_AFTER_LOGIN, RETURN_PARAM, safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { startSession } from '$lib/server/auth/session-flow';
import { signUp } from '$lib/server/auth/sign-up';
import { readField } from '$lib/server/auth/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, HOME_AFTER_LOGIN);
	return { returnTo: safeRedirectTarget(url.searchParams.get(RETURN_PARAM)), minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = readField(form, 'email').trim();
		const displayName = readField(form, 'displayName');
		const returnTo = safeRedirectTarget(readField(form, RETURN_PARAM));

		const result = await signUp(getDb(), { email, displayName, password: readField(form, 'password') });
		if (!result.ok) return fail(400, { email, displayName, errors: result.errors });

		await startSession(event, result.user.id);
		redirect(303, returnTo ?? HOME_AFTER_LOGIN);
	}
};
