import { fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { readField } from '$lib/server/auth/validation';
import { getDb } from '$lib/server/db';
import { lookUpJoinCode } from '$lib/server/groups/join-by-code';
import { JOIN_HREF, joinLinkHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Public in the policy so that a visitor is offered sign-up (with the way back), not only login.
	return { signedIn: !!locals.user, isCandidate: locals.user?.role === 'candidate', returnTo: JOIN_HREF };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(JOIN_HREF)}`);
		const code = readField(await readFormData(event.request), 'code').slice(0, 40);
		if (user.role !== 'candidate') return fail(403, { code, error: 'Seuls les comptes candidats rejoignent un groupe.' });
		const result = await lookUpJoinCode(getDb(), { userId: user.id, address: event.getClientAddress(), typed: code });
		if (!result.ok && 'retryAfterSeconds' in result) {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { code, error: describeRetryAfter(result.retryAfterSeconds) });
		}
		if (!result.ok) return fail(400, { code, error: result.error });
		redirect(303, joinLinkHref(result.token));
	}
};
