import { getCatalog } from '$lib/server/content/catalog';
import { searchCriteria } from '$lib/server/referentiel/search';
import type { PageServerLoad } from './$types';

// The one page of the public group that reads the request: rendered on every request.
export const prerender = false;

export const load: PageServerLoad = async ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const search = searchCriteria(getCatalog(), query);
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
		}))
	};
};
