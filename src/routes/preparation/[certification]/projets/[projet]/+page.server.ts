import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { attachmentsView } from '$lib/server/portfolio/attachments-view';
import { justificationError } from '$lib/server/portfolio/experience';
import { periodOf } from '$lib/server/portfolio/period';
import { addLink, deleteExperience, deleteLink, updateLinkJustification } from '$lib/server/portfolio/portfolio.service';
import { parseProjectForm } from '$lib/server/projects/project';
import { loadProjects, PROJECT_AUTOSAVED_FIELDS, updateProject, type TextConflicts } from '$lib/server/projects/projects.service';
import { CONFIDENTIALITY_REMINDER } from '$lib/server/projects/draft';
import { requireOwnProject } from '$lib/server/projects/trainee';
import { todayInFrance } from '$lib/server/vae/applicant';
import { projectHref, projectsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').replace(/\r\n/g, '\n').trim();
const NOT_FOUND = 'Projet introuvable.';

const requireProject = requireOwnProject;

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification, projectId } = await requireProject(locals, params);
	const project = (await loadProjects(getDb(), user.id, certification.id)).find((p) => p.id === projectId);
	if (!project) error(404, NOT_FOUND);
	const linked = new Set(project.links.map((l) => l.criterionId));
	return {
		documents: await attachmentsView(getDb(), user.id, project.id),
		reminder: CONFIDENTIALITY_REMINDER,
		certification: { id: certification.id, title: certification.title },
		userKey: user.id.slice(0, 8),
		project: {
			id: project.id,
			version: project.version,
			values: { title: project.title, context: project.context, role: project.role, startDate: project.startDate, endDate: project.endDate, objective: project.objective, activities: project.activities, results: project.results, figures: project.figures, documents: project.documents },
			period: periodOf(project),
			comments: project.comments.map((c) => ({ id: c.id, author: c.authorName ?? 'Un formateur (compte supprimé)', body: c.body, at: c.at.toISOString() })),
			links: project.links.map((link) => ({
				id: link.id,
				criterion: catalog.criteria.get(link.criterionId)?.text ?? 'Critère retiré du référentiel',
				justification: link.justification,
				status: link.status,
				reviews: link.reviews.map((r) => ({ id: r.id, reviewer: r.reviewerName ?? 'Un formateur (compte supprimé)', decision: r.decision, reason: r.reason, at: r.at.toISOString() }))
			}))
		},
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
		const { user, catalog, certification, projectId } = await requireProject(locals, params);
		const form = await readFormData(request);
		const parsed = parseProjectForm(form, todayInFrance());
		if (!parsed.ok) return fail(400, { action: 'update' as const, errors: parsed.errors as Record<string, string>, values: parsed.values, conflicts: {} as TextConflicts });
		// The texts this form started from (AutosaveTextarea): a text changed elsewhere meanwhile is a conflict.
		const bases = Object.fromEntries(PROJECT_AUTOSAVED_FIELDS.flatMap((field) => (typeof form.get(`base-${field}`) === 'string' ? [[field, String(form.get(`base-${field}`)).replace(/\r\n/g, '\n')]] : [])));
		const result = await updateProject(getDb(), catalog, { userId: user.id, projectId, project: parsed.value, at: new Date(), bases });
		if (!result) error(404, NOT_FOUND);
		if (result !== true) {
			const errors = Object.fromEntries(Object.keys(result.conflicts).map((field) => [field, 'Ce texte a été modifié ailleurs pendant que vous écriviez : rien n’a été enregistré. Choisissez ci-dessous la version à garder.']));
			const { experience, ...details } = parsed.value;
			return fail(409, { action: 'update' as const, errors, values: { ...experience, ...details } as Record<string, string | null>, conflicts: result.conflicts });
		}
		redirect(303, `${projectHref(certification.id, projectId)}?modifie=1`);
	},
	delete: async ({ locals, params }) => {
		const { user, catalog, certification, projectId } = await requireProject(locals, params);
		if (!(await deleteExperience(getDb(), catalog, { userId: user.id, experienceId: projectId, at: new Date() }))) error(404, NOT_FOUND);
		redirect(303, `${projectsHref(certification.id)}?supprime=1`);
	},
	link: async ({ locals, params, request }) => {
		const { user, catalog, certification, projectId } = await requireProject(locals, params);
		const form = await readFormData(request);
		const criterionId = text(form, 'criterion');
		const justification = text(form, 'justification');
		const values = { criterion: criterionId, justification };
		const errors: { criterion?: string; justification?: string } = {};
		if (!criterionId) errors.criterion = 'Choisissez le critère que ce projet montre.';
		const problem = justificationError(justification);
		if (problem) errors.justification = problem.replace('cette expérience prouve', 'ce projet montre');
		if (errors.criterion || errors.justification) return fail(400, { action: 'link' as const, linkErrors: errors, linkValues: values });
		const result = await addLink(getDb(), catalog, { userId: user.id, experienceId: projectId, criterionId, justification, at: new Date() });
		if (!result.ok && result.reason === 'not-found') error(404, NOT_FOUND);
		if (!result.ok) {
			const message = result.reason === 'duplicate' ? 'Ce projet est déjà relié à ce critère.' : 'Ce critère n’appartient pas au référentiel de cette certification.';
			return fail(400, { action: 'link' as const, linkErrors: { criterion: message } as typeof errors, linkValues: values });
		}
		redirect(303, `${projectHref(certification.id, projectId)}?lien=1#liens`);
	},
	justify: async ({ locals, params, request }) => {
		const { user, catalog, certification, projectId } = await requireProject(locals, params);
		const form = await readFormData(request);
		const linkId = text(form, 'link');
		const justification = text(form, 'justification');
		const problem = justificationError(justification);
		if (problem) return fail(400, { action: 'justify' as const, linkId, justifyError: problem, justifyValue: justification });
		if (!isUuid(linkId) || !(await updateLinkJustification(getDb(), catalog, { userId: user.id, linkId, justification, at: new Date() }))) error(404, 'Lien introuvable.');
		redirect(303, `${projectHref(certification.id, projectId)}?justifie=1#liens`);
	},
	unlink: async ({ locals, params, request }) => {
		const { user, catalog, certification, projectId } = await requireProject(locals, params);
		const linkId = text(await readFormData(request), 'link');
		if (!isUuid(linkId) || !(await deleteLink(getDb(), catalog, { userId: user.id, linkId, at: new Date() }))) error(404, 'Lien introuvable.');
		redirect(303, `${projectHref(certification.id, projectId)}?retire=1#liens`);
	}
};
