import { getDb } from '$lib/server/db';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { loadGapAnalysis } from '$lib/server/vae/gaps.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	return {
		certification: { id: certification.id, title: certification.title },
		units: await loadGapAnalysis(getDb(), catalog, user.id, certification, new Date())
	};
};
