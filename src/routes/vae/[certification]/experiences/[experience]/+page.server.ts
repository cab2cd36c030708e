import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { justificationError, parseExperienceForm } from '$lib/server/portfolio/experience';
import { addLink, deleteExperience, deleteLink, EXPERIENCE_TEXT_FIELDS, loadPortfolio, updateExperience, updateLinkJustification, type TextConflicts } from '$lib/server/portfolio/portfolio.service';
import { requireVaeApplicant, todayInFrance } from '$lib/server/vae/applicant';
import { listAttachments } from '$lib/server/portfolio/attachments.repository';
import { vaeExperienceHref, vaeExperiencesHref } from '$lib/paths';
import { periodOf } from '../summaries';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').replace(/\r\n/g, '\n').trim();

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	const experience = isUuid(params.experience) ? (await loadPortfolio(getDb(), user.id, certification.id)).find((e) => e.id === params.experience) : undefined;
	if (!experience) error(404, 'Expérience introuvable.');
	const linked = new Set(experience.links.map((l) => l.criterionId));
	const attachments = await listAttachments(getDb(), [experience.id]);
	return {
		attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName })),
		certification: { id: certification.id, title: certification.title },
		userKey: user.id.slice(0, 8),
		experience: {
			id: experience.id,
			version: experience.version,
			values: { title: experience.title, context: experience.context, role: experience.role, startDate: experience.startDate, endDate: experience.endDate, durationBand: experience.durationBand, activities: experience.activities, results: experience.results },
			period: periodOf(experience),
			comments: experience.comments.map((c) => ({ id: c.id, author: c.authorName ?? 'Un accompagnateur (compte supprimé)', body: c.body, at: c.at.toISOString() })),
			links: experience.links.map((link) => {
				const criterion = catalog.criteria.get(link.criterionId);
				return {
					id: link.id,
					criterion: criterion?.text ?? 'Critère retiré du référentiel',
					justification: link.justification,
					status: link.status,
					reviews: link.reviews.map((r) => ({ id: r.id, reviewer: r.reviewerName ?? 'Un accompagnateur (compte supprimé)', decision: r.decision, reason: r.reason, at: r.at.toISOString() }))
				};
			})
		},
		// Criteria this experience may still prove, by competence.
		choices: certification.units.flatMap((unit) =>
			unit.competences.map((competence) => ({
				label: `${competence.number}. ${competence.title}`,
				criteria: competence.criteria.filter((c) => !linked.has(c.id)).map((c) => ({ id: c.id, text: c.text }))
			}))
		)
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		const form = await readFormData(request);
		const parsed = parseExperienceForm(form, todayInFrance());
		if (!parsed.ok) return fail(400, { action: 'update' as const, errors: parsed.errors, values: parsed.values, conflicts: {} as TextConflicts });
		// The texts this form started from (AutosaveTextarea): a text changed elsewhere meanwhile is a conflict.
		const bases = Object.fromEntries(EXPERIENCE_TEXT_FIELDS.flatMap((field) => (typeof form.get(`base-${field}`) === 'string' ? [[field, String(form.get(`base-${field}`)).replace(/\r\n/g, '\n')]] : [])));
		const result = isUuid(params.experience) ? await updateExperience(getDb(), catalog, { userId: user.id, experienceId: params.experience, experience: parsed.value, at: new Date(), bases }) : false;
		if (!result) error(404, 'Expérience introuvable.');
		if (result !== true) {
			const errors = Object.fromEntries(Object.keys(result.conflicts).map((field) => [field, 'Ce texte a été modifié ailleurs pendant que vous écriviez : rien n’a été enregistré. Choisissez ci-dessous la version à garder.']));
			return fail(409, { action: 'update' as const, errors, values: { ...parsed.value } as Record<string, string | null>, conflicts: result.conflicts });
		}
		redirect(303, `${vaeExperienceHref(certification.id, params.experience)}?modifiee=1`);
	},
	delete: async ({ locals, params }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		if (!isUuid(params.experience) || !(await deleteExperience(getDb(), catalog, { userId: user.id, experienceId: params.experience, at: new Date() }))) error(404, 'Expérience introuvable.');
		redirect(303, `${vaeExperiencesHref(certification.id)}?supprimee=1`);
	},
	link: async ({ locals, params, request }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		const form = await readFormData(request);
		const criterionId = text(form, 'criterion');
		const justification = text(form, 'justification');
		const values = { criterion: criterionId, justification };
		const errors: { criterion?: string; justification?: string } = {};
		if (!criterionId) errors.criterion = 'Choisissez le critère que cette expérience prouve.';
		const justificationProblem = justificationError(justification);
		if (justificationProblem) errors.justification = justificationProblem;
		if (errors.criterion || errors.justification) return fail(400, { action: 'link' as const, linkErrors: errors, linkValues: values });
		if (!isUuid(params.experience)) error(404, 'Expérience introuvable.');
		const result = await addLink(getDb(), catalog, { userId: user.id, experienceId: params.experience, criterionId, justification, at: new Date() });
		if (!result.ok && result.reason === 'not-found') error(404, 'Expérience introuvable.');
		if (!result.ok) {
			const message = result.reason === 'duplicate' ? 'Cette expérience est déjà reliée à ce critère.' : 'Ce critère n’appartient pas au référentiel de cette certification.';
			return fail(400, { action: 'link' as const, linkErrors: { criterion: message } as typeof errors, linkValues: values });
		}
		redirect(303, `${vaeExperienceHref(certification.id, params.experience)}?lien=1#liens`);
	},
	justify: async ({ locals, params, request }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		const form = await readFormData(request);
		const linkId = text(form, 'link');
		const justification = text(form, 'justification');
		const problem = justificationError(justification);
		if (problem) return fail(400, { action: 'justify' as const, linkId, justifyError: problem, justifyValue: justification });
		if (!isUuid(linkId) || !(await updateLinkJustification(getDb(), catalog, { userId: user.id, linkId, justification, at: new Date() }))) error(404, 'Lien introuvable.');
		redirect(303, `${vaeExperienceHref(certification.id, params.experience)}?justifie=1#liens`);
	},
	unlink: async ({ locals, params, request }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		const linkId = text(await readFormData(request), 'link');
		if (!isUuid(linkId) || !(await deleteLink(getDb(), catalog, { userId: user.id, linkId, at: new Date() }))) error(404, 'Lien introuvable.');
		redirect(303, `${vaeExperienceHref(certification.id, params.experience)}?retire=1#liens`);
	}
};
