import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { loadReadinessReport } from '$lib/server/mastery/progress.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === params.certification);
	if (!certification) error(404, 'Certification introuvable.');
	const now = new Date();
	const report = await loadReadinessReport(getDb(), catalog, user.id, certification, now);
	return {
		certification: { id: certification.id, title: certification.title },
		candidate: user.displayName,
		generatedAt: now,
		report: report && { map: report.map, evidence: Object.fromEntries(report.evidence) }
	};
};
