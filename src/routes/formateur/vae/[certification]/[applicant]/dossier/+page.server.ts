import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/auth/users.repository';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { mayReadPortfolio } from '$lib/server/portfolio/access';
import { loadDossier } from '$lib/server/vae/dossier.service';
import type { PageServerLoad } from './$types';

/** The dossier of an applicant the signed-in trainer accompanies; anyone else's is « not found ». */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireRole(locals, ['trainer', 'admin']);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === params.certification);
	const db = getDb();
	if (!certification || !isUuid(params.applicant) || user.id === params.applicant || !(await mayReadPortfolio(db, user.id, { userId: params.applicant, certificationId: certification.id, kind: 'expérience' }))) error(404, 'Candidat introuvable dans vos groupes VAE.');
	const applicant = await findUserById(db, params.applicant);
	if (!applicant) error(404, 'Candidat introuvable dans vos groupes VAE.');
	return { dossier: await loadDossier(db, catalog, { id: applicant.id, displayName: applicant.displayName }, certification, new Date()), applicantId: applicant.id };
};
