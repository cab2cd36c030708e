import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { parseExperienceForm } from '$lib/server/portfolio/experience';
import { createExperience, loadPortfolio } from '$lib/server/portfolio/portfolio.service';
import { requireVaeApplicant, todayInFrance } from '$lib/server/vae/applicant';
import { vaeExperienceHref } from '$lib/paths';
import { experienceSummary } from './summaries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	const portfolio = await loadPortfolio(getDb(), user.id, certification.id);
	return {
		certification: { id: certification.id, title: certification.title },
		experiences: portfolio.map((experience) => experienceSummary(catalog, experience))
	};
};

export const actions: Actions = {
	create: async ({ locals, params, request }) => {
		const { user, certification } = await requireVaeApplicant(locals, params.certification);
		const parsed = parseExperienceForm(await readFormData(request), todayInFrance());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const id = await createExperience(getDb(), { userId: user.id, certificationId: certification.id, experience: parsed.value, at: new Date() });
		if (!id) error(404, 'Vous ne préparez pas cette certification en VAE.');
		redirect(303, `${vaeExperienceHref(certification.id, id)}?cree=1`);
	}
};
