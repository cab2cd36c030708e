import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { BANDS, parseCohortQuery } from '$lib/server/groups/cohort';
import { loadCohort } from '$lib/server/groups/cohort.service';
import { buildCohortView } from '$lib/server/groups/cohort-view';
import { describeGroup } from '$lib/server/groups/views';
import { criterionIdsOf } from '$lib/server/mastery/progress.service';
import { requireManagedGroup } from './managed-group';
import type { PageServerLoad } from './$types';

// The cohort only reads, and its filters are a GET form: rendered on the server alone.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { group } = await requireManagedGroup(event);
	const catalog = getCatalog();
	const cohort = await loadCohort(getDb(), catalog, group, new Date());
	if (!cohort) error(404, 'La certification de ce groupe n’est plus au catalogue.');
	const query = parseCohortQuery(event.url.searchParams, new Set(criterionIdsOf(cohort.certification)));
	return {
		group: describeGroup(catalog, group),
		query,
		bands: BANDS,
		sortOptions: [
			{ value: 'preparation', label: 'Préparation (les plus avancés d’abord)' },
			{ value: 'nom', label: 'Nom' },
			{ value: 'activite', label: 'Dernière activité' }
		],
		view: buildCohortView(cohort.certification, cohort.rows, query),
		recorded: event.url.searchParams.get('info') === 'observations' ? Math.min(999, Number(event.url.searchParams.get('nombre')) || 0) : null
	};
};
