import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/auth/users.repository';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { COMMENT_MAX, reviewReasonError } from '$lib/server/portfolio/experience';
import { commentExperience, loadPortfolio, reviewLink } from '$lib/server/portfolio/portfolio.service';
import { mayReviewVaeExperience } from '$lib/server/portfolio/access';
import { accompanies } from '$lib/server/vae/accompagnement';
import { loadGapAnalysis } from '$lib/server/vae/gaps.service';
import { findCurrentPositioning } from '$lib/server/vae/positioning.repository';
import { accompagnementApplicantHref } from '$lib/paths';
import { periodOf } from '$lib/server/portfolio/period';
import type { Actions, PageServerLoad } from './$types';

/** The accompagnateur and the certification of the URL, or a 404 for anyone they do not accompany. */
async function requireAccompanied(locals: App.Locals, params: { certification: string; applicant: string }) {
	const user = requireRole(locals, ['trainer', 'admin']);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === params.certification);
	if (!certification || !isUuid(params.applicant) || !(await accompanies(getDb(), user.id, params.applicant, certification.id))) error(404, 'Candidat introuvable dans vos groupes VAE.');
	return { user, catalog, certification, applicantId: params.applicant };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { catalog, certification, applicantId } = await requireAccompanied(locals, params);
	const db = getDb();
	const now = new Date();
	const [applicant, positioning, portfolio, units] = await Promise.all([
		findUserById(db, applicantId),
		findCurrentPositioning(db, applicantId),
		loadPortfolio(db, applicantId, certification.id),
		loadGapAnalysis(db, catalog, applicantId, certification, now)
	]);
	return {
		certification: { id: certification.id, title: certification.title },
		applicant: { name: applicant?.displayName ?? 'Candidat' },
		units: units.map((u) => ({ id: u.id, code: u.code, title: u.title, counts: u.counts, reach: u.reach.why })),
		positioning: certification.units.flatMap((unit) =>
			unit.competences.map((competence) => ({
				id: competence.id,
				title: `${competence.number}. ${competence.title}`,
				criteria: competence.criteria.map((criterion) => ({ id: criterion.id, text: criterion.text, answer: positioning.get(criterion.id)?.answer ?? null, example: positioning.get(criterion.id)?.example ?? null }))
			}))
		),
		experiences: portfolio.map((experience) => ({
			id: experience.id,
			title: experience.title,
			context: experience.context,
			role: experience.role,
			period: periodOf(experience),
			activities: experience.activities,
			results: experience.results,
			comments: experience.comments.map((c) => ({ id: c.id, author: c.authorName ?? 'Compte supprimé', body: c.body, at: c.at.toISOString() })),
			links: experience.links.map((link) => ({
				id: link.id,
				criterion: catalog.criteria.get(link.criterionId)?.text ?? 'Critère retiré du référentiel',
				justification: link.justification,
				status: link.status,
				reviews: link.reviews.map((r) => ({ id: r.id, reviewer: r.reviewerName ?? 'Compte supprimé', decision: r.decision, reason: r.reason, at: r.at.toISOString() }))
			}))
		}))
	};
};

export const actions: Actions = {
	review: async ({ locals, params, request }) => {
		const { user, catalog, certification, applicantId } = await requireAccompanied(locals, params);
		const form = await readFormData(request);
		const linkId = String(form.get('link') ?? '');
		const decisionValue = String(form.get('decision') ?? '');
		const reason = String(form.get('reason') ?? '').replace(/\r\n/g, '\n').trim();
		const decision = decisionValue === 'validée' || decisionValue === 'à compléter' ? decisionValue : null;
		const values = { decision: decisionValue, reason };
		if (!decision) return fail(400, { action: 'review' as const, linkId, errors: { decision: 'Choisissez « validée » ou « à compléter ».' } as Record<string, string>, values });
		const problem = reviewReasonError(decision, reason);
		if (problem) return fail(400, { action: 'review' as const, linkId, errors: { reason: problem } as Record<string, string>, values });
		const result = isUuid(linkId) ? await reviewLink(getDb(), catalog, mayReviewVaeExperience, { reviewerId: user.id, linkId, decision, reason: reason || null, at: new Date() }) : { ok: false };
		if (!result.ok) error(404, 'Lien introuvable.');
		redirect(303, `${accompagnementApplicantHref(certification.id, applicantId)}?revue=1#lien-${linkId}`);
	},
	comment: async ({ locals, params, request }) => {
		const { user, certification, applicantId } = await requireAccompanied(locals, params);
		const form = await readFormData(request);
		const experienceId = String(form.get('experience') ?? '');
		const body = String(form.get('body') ?? '').replace(/\r\n/g, '\n').trim();
		if (!body || body.length > COMMENT_MAX) {
			return fail(400, { action: 'comment' as const, experienceId, errors: { body: body ? `${COMMENT_MAX} caractères au plus : ${body.length} saisis.` : 'Écrivez votre commentaire.' } as Record<string, string>, values: { body } });
		}
		if (!isUuid(experienceId) || !(await commentExperience(getDb(), mayReviewVaeExperience, { authorId: user.id, experienceId, body, at: new Date() }))) error(404, 'Expérience introuvable.');
		redirect(303, `${accompagnementApplicantHref(certification.id, applicantId)}?commentaire=1#experience-${experienceId}`);
	}
};
