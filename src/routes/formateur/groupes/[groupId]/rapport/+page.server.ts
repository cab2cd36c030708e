import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { loadCohort } from '$lib/server/groups/cohort.service';
import { buildGroupReport } from '$lib/server/groups/cohort-view';
import { describeGroup } from '$lib/server/groups/views';
import { requireManagedGroup } from '../managed-group';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { group } = await requireManagedGroup(event);
	const catalog = getCatalog();
	const now = new Date();
	const cohort = await loadCohort(getDb(), catalog, group, now);
	if (!cohort) error(404, 'La certification de ce groupe n’est plus au catalogue.');
	return {
		group: describeGroup(catalog, group),
		printedOn: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(now),
		report: buildGroupReport(cohort.certification, cohort.rows, new Set(catalog.modules.map((m) => m.competenceId)))
	};
};
