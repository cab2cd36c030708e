import { getCatalog } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

// Prerendered (see ../+layout.ts): the search has its own server route, ./recherche.
export const load: PageServerLoad = async () => {
	const catalog = getCatalog();
	return {
		certifications: catalog.certifications.map((certification) => {
			const competences = certification.units.flatMap((unit) => unit.competences);
			return {
				id: certification.id,
				title: certification.title,
				type: certification.type,
				reference: certification.reference,
				summary: certification.summary,
				units: certification.units.length,
				competences: competences.length,
				criteria: competences.reduce((n, c) => n + c.criteria.length, 0)
			};
		}),
		metiers: catalog.metiers.map((metier) => ({ id: metier.id, title: metier.title, code: metier.code }))
	};
};
