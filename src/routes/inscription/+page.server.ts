import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password-policy';
import { RETURN_PARAM, safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { homeOf } from '$lib/paths';
import { startSession } from '$lib/server/auth/session-flow';
import { signUp } from '$lib/server/auth/sign-up';
import { readFormData } from '$lib/server/auth/form';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { checkControlCharacters, readField, type FieldErrors } from '$lib/server/auth/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, homeOf(locals.user.role));
	return { returnTo: safeRedirectTarget(url.searchParams.get(RETURN_PARAM)), minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		const email = readField(form, 'email').trim();
		const displayName = readField(form, 'displayName');
		const password = readField(form, 'password');
		const returnTo = safeRedirectTarget(readField(form, RETURN_PARAM));
		const unsafe = checkControlCharacters({ email, displayName, password });
		if (Object.keys(unsafe).length > 0) return fail(400, { email: '', displayName: '', errors: unsafe, message: null as string | null });

		const result = await signUp(getDb(), { email, displayName, password, address: event.getClientAddress() });
		if (!result.ok && 'retryAfterSeconds' in result) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { email, displayName, errors: {} as FieldErrors, message: describeRetryAfter(result.retryAfterSeconds) });
		}
		if (!result.ok) return fail(400, { email, displayName, errors: result.errors, message: null as string | null });

		await startSession(event, result.user.id);
		// A new account is a candidate's: it lands on the candidate's space.
		redirect(303, returnTo ?? homeOf(result.user.role));
	}
};
