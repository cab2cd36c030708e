import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password-policy';
import { findResetTokenUser, resetPassword } from '$lib/server/auth/reset';
import { endSession } from '$lib/server/auth/session-flow';
import { readFormData } from '$lib/server/auth/form';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, readField } from '$lib/server/auth/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('jeton') ?? '';
	const user = await findResetTokenUser(getDb(), token);
	return { token: user ? token : null, email: user?.email ?? null, minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		const token = readField(form, 'jeton');
		const password = readField(form, 'password');
		if (hasControlCharacters(token)) return fail(400, { invalidToken: true, errors: {} });
		if (hasControlCharacters(password)) return fail(400, { invalidToken: false, errors: { password: CONTROL_CHARACTER_MESSAGE } });
		const result = await resetPassword(getDb(), { token, newPassword: password });
		if (!result.ok && result.reason === 'invalid-token') return fail(400, { invalidToken: true, errors: {} });
		if (!result.ok) return fail(400, { invalidToken: false, errors: { password: result.message } });

		// Every session of the account has ended, this device's included.
		await endSession(event);
		redirect(303, '/connexion?info=mot-de-passe-reinitialise');
	}
};
