import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/auth/reset';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { readFormData } from '$lib/server/auth/form';
import { checkEmail, readField, type FieldErrors } from '$lib/server/auth/validation';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		const email = readField(form, 'email').trim();
		const emailError = checkEmail(email);
		if (emailError) return fail(400, { email: '', message: null, errors: { email: emailError } as FieldErrors });

		const result = await requestPasswordReset(getDb(), {
			email,
			origin: event.url.origin,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { email, message: describeRetryAfter(result.retryAfterSeconds), errors: {} as FieldErrors });
		}
		// Same answer whether or not the address has an account; the mail is sent in the background.
		return { sentTo: email };
	}
};
