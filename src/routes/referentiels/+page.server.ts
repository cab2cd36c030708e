import { getCatalog } from '$lib/server/content/catalog';
import { searchCriteria } from '$lib/server/referentiel/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const catalog = getCatalog();
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const search = searchCriteria(catalog, query);
	return {
		query,
		total: search.total,
		hits: search.hits.map(({ criterion, competenceTitle, certificationTitle }) => ({
			id: criterion.id,
			text: criterion.text,
			aspect: criterion.aspect,
			kind: criterion.kind,
			official: criterion.official,
			competenceTitle,
			certificationTitle
		})),
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
