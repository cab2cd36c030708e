import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/auth/users.repository';
import { listSignedOpinions } from '$lib/server/company-opinion/company-opinion.service';
import { signedOpinionView } from '$lib/server/company-opinion/opinion-view';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { COMMENT_MAX, reviewReasonError } from '$lib/server/portfolio/experience';
import { periodOf } from '$lib/server/portfolio/period';
import { commentExperience, reviewLink } from '$lib/server/portfolio/portfolio.service';
import { coverageOf, coverageTotals } from '$lib/server/projects/coverage';
import { documentList } from '$lib/server/projects/project';
import { loadProjects } from '$lib/server/projects/projects.service';
import { formatBytes } from '$lib/server/portfolio/attachments';
import { listAttachments } from '$lib/server/portfolio/attachments.service';
import { followsInTraining, mayReviewProject } from '$lib/server/projects/trainer-access';
import { trainerCandidateProjectsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/** The trainer and the candidate of the URL, or a 404 for anyone outside the trainer's formation groups of that certification. */
async function requireFollowed(locals: App.Locals, params: { certification: string; candidate: string }) {
	const user = requireRole(locals, ['trainer', 'admin']);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === params.certification);
	if (!certification || !isUuid(params.candidate) || !(await followsInTraining(getDb(), user.id, params.candidate, certification.id))) error(404, 'Candidat introuvable dans vos groupes.');
	return { user, catalog, certification, candidateId: params.candidate };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { catalog, certification, candidateId } = await requireFollowed(locals, params);
	const db = getDb();
	const [candidate, projects, opinions] = await Promise.all([findUserById(db, candidateId), loadProjects(db, candidateId, certification.id), listSignedOpinions(db, candidateId, certification.id)]);
	// The trainer is checked by requireFollowed; each download is checked again by mayReadPortfolio.
	const attachments = await listAttachments(db, projects.map((p) => p.id));
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		candidate: { name: candidate?.displayName ?? 'Candidat' },
		totals: coverageTotals(coverageOf(certification, projects.flatMap((p) => p.links))),
		projects: projects.map((p) => ({
			id: p.id,
			title: p.title,
			context: p.context,
			role: p.role,
			period: periodOf(p),
			objective: p.objective,
			activities: p.activities,
			results: p.results,
			figures: p.figures,
			documents: documentList(p.documents),
			attached: attachments.filter((a) => a.experienceId === p.id).map((a) => ({ id: a.id, fileName: a.fileName, size: formatBytes(a.sizeBytes) })),
			comments: p.comments.map((c) => ({ id: c.id, author: c.authorName ?? 'Compte supprimé', body: c.body, at: c.at.toISOString() })),
			links: p.links.map((link) => ({
				id: link.id,
				criterion: catalog.criteria.get(link.criterionId)?.text ?? 'Critère retiré du référentiel',
				justification: link.justification,
				status: link.status,
				reviews: link.reviews.map((r) => ({ id: r.id, reviewer: r.reviewerName ?? 'Compte supprimé', decision: r.decision, reason: r.reason, at: r.at.toISOString() }))
			}))
		})),
		opinions: opinions.map((o) => signedOpinionView(o, certification))
	};
};

export const actions: Actions = {
	review: async ({ locals, params, request }) => {
		const { user, catalog, certification, candidateId } = await requireFollowed(locals, params);
		const form = await readFormData(request);
		const linkId = String(form.get('link') ?? '');
		const decisionValue = String(form.get('decision') ?? '');
		const reason = String(form.get('reason') ?? '').replace(/\r\n/g, '\n').trim();
		const decision = decisionValue === 'validée' || decisionValue === 'à compléter' ? decisionValue : null;
		const values = { decision: decisionValue, reason };
		if (!decision) return fail(400, { action: 'review' as const, linkId, errors: { decision: 'Choisissez « validé » ou « à compléter ».' } as Record<string, string>, values });
		const problem = reviewReasonError(decision, reason);
		if (problem) return fail(400, { action: 'review' as const, linkId, errors: { reason: problem } as Record<string, string>, values });
		const result = isUuid(linkId) ? await reviewLink(getDb(), catalog, mayReviewProject, { reviewerId: user.id, linkId, decision, reason: reason || null, at: new Date() }) : { ok: false };
		if (!result.ok) error(404, 'Lien introuvable.');
		redirect(303, `${trainerCandidateProjectsHref(certification.id, candidateId)}?revue=1#lien-${linkId}`);
	},
	comment: async ({ locals, params, request }) => {
		const { user, certification, candidateId } = await requireFollowed(locals, params);
		const form = await readFormData(request);
		const experienceId = String(form.get('experience') ?? '');
		const body = String(form.get('body') ?? '').replace(/\r\n/g, '\n').trim();
		if (!body || body.length > COMMENT_MAX) {
			return fail(400, { action: 'comment' as const, experienceId, errors: { body: body ? `${COMMENT_MAX} caractères au plus : ${body.length} saisis.` : 'Écrivez votre commentaire.' } as Record<string, string>, values: { body } });
		}
		if (!isUuid(experienceId) || !(await commentExperience(getDb(), mayReviewProject, { authorId: user.id, experienceId, body, at: new Date() }))) error(404, 'Projet introuvable.');
		redirect(303, `${trainerCandidateProjectsHref(certification.id, candidateId)}?commentaire=1#projet-${experienceId}`);
	}
};
