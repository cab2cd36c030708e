import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { inviteTutor, listInvitationSummaries, listSignedOpinions, revokeInvitation } from '$lib/server/company-opinion/company-opinion.service';
import { needsCompanyOpinion, parseInvitationForm } from '$lib/server/company-opinion/invitation';
import { signedOpinionView } from '$lib/server/company-opinion/opinion-view';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { requireTrainee } from '$lib/server/projects/trainee';
import { companyOpinionHref, progressHref, projectsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/** A candidate in training of a CQPM: the only ones whose evaluation asks for the company's opinion. */
async function requireOpinionCandidate(locals: App.Locals, certificationId: string) {
	const context = await requireTrainee(locals, certificationId);
	if (!needsCompanyOpinion(context.certification.type, 'formation')) error(404, 'Cette certification ne demande pas l’avis de l’entreprise.');
	return context;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, certification } = await requireOpinionCandidate(locals, params.certification);
	const db = getDb();
	const [invitations, opinions] = await Promise.all([listInvitationSummaries(db, user.id, certification.id), listSignedOpinions(db, user.id, certification.id)]);
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
		opinions: opinions.map((o) => signedOpinionView(o, certification)),
		projectsHref: projectsHref(certification.id),
		progressHref: progressHref(certification.id)
	};
};

export const actions: Actions = {
	invite: async ({ locals, params, request, url }) => {
		const { user, catalog, certification } = await requireOpinionCandidate(locals, params.certification);
		const parsed = parseInvitationForm(await readFormData(request));
		if (!parsed.ok) return fail(400, { action: 'invite' as const, errors: parsed.errors, values: parsed.values });
		const result = await inviteTutor(getDb(), catalog, { userId: user.id, certificationId: certification.id, ...parsed.value, origin: url.origin });
		if (!result.ok && result.reason === 'throttled') {
			return fail(429, { action: 'invite' as const, errors: { tutorEmail: `${describeRetryAfter(result.retryAfterSeconds)} (au plus 5 invitations par jour)` } as { tutorName?: string; tutorEmail?: string }, values: parsed.value });
		}
		if (!result.ok) error(404, 'Cette certification ne demande pas l’avis de l’entreprise.');
		redirect(303, `${companyOpinionHref(certification.id)}?envoyee=1`);
	},
	revoke: async ({ locals, params, request }) => {
		const { user, certification } = await requireOpinionCandidate(locals, params.certification);
		const invitationId = String((await readFormData(request)).get('invitation') ?? '');
		const result = isUuid(invitationId) ? await revokeInvitation(getDb(), { userId: user.id, invitationId }) : 'not-found';
		if (result === 'not-found') error(404, 'Invitation introuvable.');
		if (result === 'closed') return fail(400, { action: 'revoke' as const, invitationId, revokeError: 'Cette invitation est déjà close (signée, retirée ou expirée) : elle ne peut plus être retirée.' });
		redirect(303, `${companyOpinionHref(certification.id)}?retiree=1`);
	}
};
