import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteAccount } from '$lib/server/auth/account-data';
import { requireUser } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/auth/password-change';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { deleteSessionTokenCookie, setSessionTokenCookie } from '$lib/server/auth/session-cookie';
import { countUserSessions } from '$lib/server/auth/sessions.repository';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { readFormData } from '$lib/server/auth/form';
import { checkControlCharacters, readField, type FieldErrors } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { myGroups } from '$lib/server/groups/candidate-view';
import { leaveGroup } from '$lib/server/groups/groups.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return {
		account: { email: user.email, displayName: user.displayName, role: ROLE_LABELS[user.role] },
		sessionCount: await countUserSessions(getDb(), user.id),
		// « Mes groupes »: who can see my data, read from the one list in groups/visibility.ts.
		myGroups: await myGroups(getDb(), getCatalog(), user.id)
	};
};

export const actions: Actions = {
	leaveGroup: async (event) => {
		const user = requireUser(event.locals);
		// Only the signed-in user's own membership can end here, whatever group id is posted.
		await leaveGroup(getDb(), user.id, readField(await readFormData(event.request), 'groupId'));
		redirect(303, '/compte?info=groupe-quitte#mes-groupes');
	},

	changePassword: async (event) => {
		const user = requireUser(event.locals);
		const form = await readFormData(event.request);
		const currentPassword = readField(form, 'currentPassword');
		const newPassword = readField(form, 'newPassword');
		const unsafe = checkControlCharacters({ currentPassword, newPassword });
		if (Object.keys(unsafe).length > 0) return fail(400, { action: 'changePassword', message: null, errors: unsafe });
		const result = await changePassword(getDb(), { user, currentPassword, newPassword, address: event.getClientAddress() });
		if (!result.ok && 'retryAfterSeconds' in result) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { action: 'changePassword', message: describeRetryAfter(result.retryAfterSeconds), errors: {} as FieldErrors });
		}
		if (!result.ok) return fail(400, { action: 'changePassword', message: null, errors: result.errors });
		setSessionTokenCookie(event.cookies, event.url, result.token, result.session.expiresAt);
		return { action: 'changePassword', success: 'Mot de passe modifié. Vos autres appareils ont été déconnectés.' };
	},

	logoutEverywhere: async (event) => {
		const user = requireUser(event.locals);
		await invalidateUserSessions(getDb(), user.id);
		deleteSessionTokenCookie(event.cookies, event.url);
		redirect(303, '/connexion?info=deconnecte-partout');
	},

	deleteAccount: async (event) => {
		const user = requireUser(event.locals);
		const form = await readFormData(event.request);
		const password = readField(form, 'password');
		const unsafe = checkControlCharacters({ password });
		if (Object.keys(unsafe).length > 0) return fail(400, { action: 'deleteAccount', message: null, errors: unsafe });
		const result = await deleteAccount(getDb(), { user, password, address: event.getClientAddress() });
		if (!result.ok) {
			if (result.reason === 'throttled') {
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return fail(429, { action: 'deleteAccount', message: describeRetryAfter(result.retryAfterSeconds), errors: {} as FieldErrors });
			}
			if (result.reason === 'last-admin') {
				const message = 'Vous êtes le seul administrateur : nommez-en un autre avant de supprimer votre compte.';
				return fail(400, { action: 'deleteAccount', message, errors: {} as FieldErrors });
			}
			return fail(400, { action: 'deleteAccount', message: null, errors: { password: 'Mot de passe incorrect.' } as FieldErrors });
		}
		deleteSessionTokenCookie(event.cookies, event.url);
		redirect(303, '/connexion?info=compte-supprime');
	}
};
