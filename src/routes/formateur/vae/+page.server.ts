import { requireRole } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { listAccompaniedApplicants } from '$lib/server/vae/accompagnement';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ['trainer', 'admin']);
	const catalog = getCatalog();
	const applicants = await listAccompaniedApplicants(getDb(), user.id);
	return {
		applicants: applicants.map((a) => ({
			id: a.id,
			name: a.displayName,
			certificationId: a.certificationId,
			certification: catalog.certifications.find((c) => c.id === a.certificationId)?.title ?? a.certificationId,
			group: a.groupName
		}))
	};
};
