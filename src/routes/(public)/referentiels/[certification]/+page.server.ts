import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every certification of the content is built as a file (see ../../+layout.ts).
export const entries: EntryGenerator = () => getCatalog().certifications.map((certification) => ({ certification: certification.id }));

export const load: PageServerLoad = async ({ params }) => {
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === params.certification);
	if (!certification) error(404, 'Certification introuvable.');
	const moduleIds = new Set(catalog.modules.map((module) => module.competenceId));
	return {
		certification: {
			id: certification.id,
			title: certification.title,
			type: certification.type,
			reference: certification.reference,
			summary: certification.summary,
			activities: certification.activities,
			evaluation: certification.evaluation,
			sourceNotes: certification.sourceNotes,
			units: certification.units.map((unit) => ({
				...unit,
				competences: unit.competences.map((competence) => ({ ...competence, hasModule: moduleIds.has(competence.id) }))
			}))
		},
		metiers: catalog.metiers.filter((m) => m.certifications.includes(certification.id)).map((m) => ({ id: m.id, title: m.title }))
	};
};
