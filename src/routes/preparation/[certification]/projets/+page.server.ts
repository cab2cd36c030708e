import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { listSignedOpinions } from '$lib/server/company-opinion/company-opinion.service';
import { needsCompanyOpinion } from '$lib/server/company-opinion/invitation';
import { signedOpinionView } from '$lib/server/company-opinion/opinion-view';
import { getDb } from '$lib/server/db';
import { coverageOf, coverageTotals } from '$lib/server/projects/coverage';
import { parseProjectForm } from '$lib/server/projects/project';
import { createProject, loadProjects } from '$lib/server/projects/projects.service';
import { requireTrainee } from '$lib/server/projects/trainee';
import { periodOf } from '$lib/server/portfolio/period';
import { todayInFrance } from '$lib/server/vae/applicant';
import { companyOpinionHref, projectHref, projectsDraftHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireTrainee(locals, params.certification);
	const db = getDb();
	const [projects, opinions] = await Promise.all([loadProjects(db, user.id, certification.id), listSignedOpinions(db, user.id, certification.id)]);
	const units = coverageOf(certification, projects.flatMap((p) => p.links));
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		projects: projects.map((p) => ({
			id: p.id,
			title: p.title,
			role: p.role,
			period: periodOf(p),
			// The short label: the full official text is on the project's page.
			links: p.links.map((l) => ({ id: l.id, criterion: catalog.criteria.get(l.criterionId)?.label ?? 'Critère retiré du référentiel', status: l.status }))
		})),
		coverage: units.map((u) => ({ id: u.unitId, label: u.code ? `${u.code} — ${u.title}` : u.title, competences: u.competences.map(({ criteria: _criteria, ...rest }) => rest) })),
		totals: coverageTotals(units),
		draftHref: projectsDraftHref(certification.id),
		projectHref: Object.fromEntries(projects.map((p) => [p.id, projectHref(certification.id, p.id)])),
		opinion: needsCompanyOpinion(certification.type, 'formation')
			? { href: companyOpinionHref(certification.id), signed: opinions.map((o) => signedOpinionView(o, certification)) }
			: null
	};
};

export const actions: Actions = {
	create: async ({ locals, params, request }) => {
		const { user, certification } = await requireTrainee(locals, params.certification);
		const parsed = parseProjectForm(await readFormData(request), todayInFrance());
		if (!parsed.ok) return fail(400, { errors: parsed.errors as Record<string, string>, values: parsed.values });
		const id = await createProject(getDb(), { userId: user.id, certificationId: certification.id, project: parsed.value, at: new Date() });
		if (!id) error(404, 'Vous ne préparez pas cette certification en formation.');
		redirect(303, `${projectHref(certification.id, id)}?cree=1`);
	}
};
