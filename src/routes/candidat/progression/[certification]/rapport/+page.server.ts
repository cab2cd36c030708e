import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { requireCertification } from '$lib/server/learning/modules';
import { loadReadinessReport } from '$lib/server/mastery/progress.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification } = requireCertification(params.certification);
	const now = new Date();
	const report = await loadReadinessReport(getDb(), catalog, user.id, certification, now);
	return {
		certification: { id: certification.id, title: certification.title },
		candidate: user.displayName,
		generatedAt: now,
		report: report && { map: report.map, evidence: Object.fromEntries(report.evidence) }
	};
};
