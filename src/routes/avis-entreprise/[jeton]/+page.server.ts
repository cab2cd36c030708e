import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { describeRetryAfter } from '$lib/server/auth/throttle';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { openTutorLink, tutorLinkHref, writeOpinion, type TutorLink } from '$lib/server/company-opinion/company-opinion.service';
import { closedLinkMessage } from '$lib/server/company-opinion/invitation';
import { parseOpinionForm, VERDICTS } from '$lib/server/company-opinion/opinion';
import { todayInFrance } from '$lib/server/vae/applicant';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The tutor's page, public (no account): it reaches only the invitation its token stands for.
 * A closed link (signed, revoked, expired) shows a French page and no data; an unknown one a
 * 404, and too many unknown ones from one address a 429.
 */
async function open(event: Pick<RequestEvent, 'params' | 'getClientAddress'>): Promise<Extract<TutorLink, { kind: 'open' }> | { kind: 'closed'; state: 'signée' | 'révoquée' | 'expirée' }> {
	const link = await openTutorLink(getDb(), getCatalog(), { token: event.params.jeton, address: event.getClientAddress() });
	if (link.kind === 'throttled') error(429, describeRetryAfter(link.retryAfterSeconds));
	if (link.kind === 'unknown') error(404, closedLinkMessage('inconnue').text);
	return link;
}

export const load: PageServerLoad = async (event) => {
	// The page holds a live link's form: never kept by a cache.
	event.setHeaders({ 'cache-control': 'no-store' });
	const link = await open(event);
	if (link.kind === 'closed') return { closed: closedLinkMessage(link.state), form: null };
	const { certification, opinion } = link;
	return {
		closed: null,
		form: {
			candidateName: link.candidateName,
			certification: { type: certification.type, title: certification.title },
			expiresAt: link.invitation.expiresAt.toISOString(),
			draftSavedAt: opinion?.updatedAt.toISOString() ?? null,
			verdicts: VERDICTS,
			units: certification.units.map((unit) => ({
				id: unit.id,
				label: unit.code ? `${unit.code} — ${unit.title}` : unit.title,
				competences: unit.competences.map((competence) => ({
					id: competence.id,
					label: `${competence.number}. ${competence.title}`,
					// The criteria in plain words, so the tutor knows what the competence covers.
					criteria: competence.criteria.map((c) => c.label)
				}))
			})),
			values: {
				entries: Object.fromEntries((opinion?.entries ?? []).map((e) => [e.competenceId, { verdict: e.verdict ?? '', comment: e.comment }])),
				signerName: opinion?.signerName ?? link.invitation.tutorName,
				signerRole: opinion?.signerRole ?? '',
				signerCompany: opinion?.signerCompany ?? '',
				signedOn: opinion?.signedOn ?? todayInFrance(),
				confirm: false
			},
			today: todayInFrance()
		}
	};
};

async function write(event: RequestEvent, sign: boolean) {
	const link = await open(event);
	if (link.kind === 'closed') return fail(410, { closed: closedLinkMessage(link.state) });
	const competenceIds = link.certification.units.flatMap((u) => u.competences.map((c) => c.id));
	const parsed = parseOpinionForm(await readFormData(event.request), competenceIds, sign ? 'sign' : 'draft', todayInFrance());
	if (!parsed.ok) return fail(400, { action: sign ? ('sign' as const) : ('draft' as const), errors: parsed.errors, values: parsed.values });
	const result = await writeOpinion(getDb(), { token: event.params.jeton, opinion: parsed.value, sign });
	if (!result.ok && result.reason === 'unknown') error(404, closedLinkMessage('inconnue').text);
	if (!result.ok) return fail(410, { closed: closedLinkMessage(result.state) });
	redirect(303, `${tutorLinkHref(event.params.jeton)}${sign ? '' : '?brouillon=1'}`);
}

export const actions: Actions = {
	draft: (event) => write(event, false),
	sign: (event) => write(event, true)
};
