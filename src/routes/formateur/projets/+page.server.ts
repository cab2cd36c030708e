import { requireRole } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { listFollowedTrainees } from '$lib/server/projects/projects.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ['trainer', 'admin']);
	const catalog = getCatalog();
	const trainees = await listFollowedTrainees(getDb(), user.id);
	return {
		trainees: trainees.map((t) => ({
			id: t.id,
			name: t.displayName,
			certificationId: t.certificationId,
			certification: catalog.certifications.find((c) => c.id === t.certificationId)?.title ?? t.certificationId,
			group: t.groupName,
			projects: t.projects,
			toReview: t.toReview
		}))
	};
};
