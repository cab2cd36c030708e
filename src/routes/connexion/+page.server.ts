import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkPasswordLogin } from '$lib/server/auth/login';
import { RETURN_PARAM, safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { homeOf } from '$lib/paths';
import { startSession } from '$lib/server/auth/session-flow';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { readFormData } from '$lib/server/auth/form';
import { checkControlCharacters, readField, type FieldErrors } from '$lib/server/auth/validation';
import { LOGIN_NOTICES } from './notices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const returnTo = safeRedirectTarget(url.searchParams.get(RETURN_PARAM));
	if (locals.user) redirect(303, returnTo ?? homeOf(locals.user.role));
	return { returnTo, notice: LOGIN_NOTICES[url.searchParams.get('info') ?? ''] ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		const email = readField(form, 'email').trim();
		const password = readField(form, 'password');
		const returnTo = safeRedirectTarget(readField(form, RETURN_PARAM));

		const errors: FieldErrors = checkControlCharacters({ email, password });
		if (!email) errors.email = 'Saisissez votre adresse e-mail.';
		if (!password) errors.password = 'Saisissez votre mot de passe.';
		if (Object.keys(errors).length > 0) return fail(400, { email: errors.email ? '' : email, errors });

		const result = await checkPasswordLogin(getDb(), { email, password, address: event.getClientAddress() });
		if (result.outcome === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { email, message: describeRetryAfter(result.retryAfterSeconds) });
		}
		if (result.outcome === 'invalid') {
			return fail(400, { email, errors: { password: 'Adresse e-mail ou mot de passe incorrect.' } as FieldErrors });
		}
		await startSession(event, result.user.id);
		// Each role lands on its own space unless it was on its way to a page.
		redirect(303, returnTo ?? homeOf(result.user.role));
	}
};
