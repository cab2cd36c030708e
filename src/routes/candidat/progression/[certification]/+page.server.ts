import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { requireCertification } from '$lib/server/learning/modules';
import { loadProgressPage } from '$lib/server/mastery/progress.service';
import { countObservations } from '$lib/server/observations/observations.repository';
import { mapData } from './map-data';
import type { PageServerLoad } from './$types';

// The map only reads: rendered on the server alone, it ships no hydration data (half the
// response) and no large inline script for the CSP to hash on every request.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification } = requireCertification(params.certification);
	const [progress, observations] = await Promise.all([loadProgressPage(getDb(), catalog, user.id, certification, new Date()), countObservations(getDb(), user.id, certification.id)]);
	// The map names criteria by their short label; the full official text is on the competence page.
	const labels = new Map(certification.units.flatMap((unit) => unit.competences.flatMap((c) => c.criteria.map((criterion) => [criterion.id, criterion.label] as const))));
	return {
		certification: { id: certification.id, title: certification.title },
		progress: progress && mapData(progress),
		observations,
		labels
	};
};
