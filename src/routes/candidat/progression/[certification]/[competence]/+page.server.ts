import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { requireCertification } from '$lib/server/learning/modules';
import { loadProgressPage } from '$lib/server/mastery/progress.service';
import type { PageServerLoad } from './$types';

// Read-only, like the map: rendered on the server alone.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification } = requireCertification(params.certification);
	const competence = catalog.competences.get(`${certification.id}.${params.competence}`);
	if (!competence || competence.certificationId !== certification.id) error(404, 'Cette compétence n’existe pas dans ce référentiel.');
	// The candidate's own summaries only: the map is read for the signed-in user, never from the URL.
	const progress = await loadProgressPage(getDb(), catalog, user.id, certification, new Date());
	const unit = progress?.units.find((u) => u.id === competence.unitId) ?? null;
	const view = unit?.competences.find((c) => c.id === competence.id) ?? null;
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		competence: { id: competence.id, number: competence.number, title: competence.title },
		unit: unit && { kind: unit.kind, code: unit.code, title: unit.title },
		view,
		details: new Map(competence.criteria.map((c) => [c.id, { label: c.label, aspect: c.aspect, kind: c.kind }] as const))
	};
};
