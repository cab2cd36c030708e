import { getDb } from '$lib/server/db';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { loadDossier } from '$lib/server/vae/dossier.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	return { dossier: await loadDossier(getDb(), catalog, { id: user.id, displayName: user.displayName }, certification, new Date()) };
};
