import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/auth/reset';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { checkEmail, readField, type FieldErrors } from '$lib/server/auth/validation';
import { createMailer } from '$lib/server/mail/mailer';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = readField(form, 'email').trim();
		const emailError = checkEmail(email);
		if (emailError) return fail(400, { email, message: null, errors: { email: emailError } as FieldErrors });

		const db = getDb();
		const result = await requestPasswordReset(db, createMailer(db), {
			email,
			origin: event.url.origin,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { email, message: describeRetryAfter(result.retryAfterSeconds), errors: {} as FieldErrors });
		}
		// Same answer whether or not the address has an account.
		return { sentTo: email };
	}
};
