import { getDb } from '$lib/server/db';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { loadPositioningProgress } from '$lib/server/vae/overview.service';
import { listExperiences } from '$lib/server/portfolio/portfolio.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, certification } = await requireVaeApplicant(locals, params.certification);
	const [progress, experiences] = await Promise.all([loadPositioningProgress(getDb(), user.id, certification), listExperiences(getDb(), user.id, certification.id)]);
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		progress,
		experienceCount: experiences.length
	};
};
