import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { CSV_BOM, cohortCsvFileName, cohortCsvHeader, cohortCsvRow } from '$lib/server/groups/cohort-csv';
import { loadCohort } from '$lib/server/groups/cohort.service';
import { todayInFrance } from '$lib/server/groups/days';
import { formatJoinCode } from '$lib/server/groups/join-code';
import { requireManagedGroup } from '../managed-group';
import type { RequestHandler } from './$types';

/** Rows sent per chunk: the response starts at once and never holds the whole file as one string. */
const CHUNK = 50;

export const GET: RequestHandler = async (event) => {
	const { group } = await requireManagedGroup(event);
	const now = new Date();
	const cohort = await loadCohort(getDb(), getCatalog(), group, now);
	if (!cohort) error(404, 'La certification de ce groupe n’est plus au catalogue.');
	const rows = [...cohort.rows].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
	const meta = { name: group.name, joinCode: group.joinCode ? formatJoinCode(group.joinCode) : null };
	const encoder = new TextEncoder();
	let next = 0;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(CSV_BOM + cohortCsvHeader(cohort.certification)));
		},
		pull(controller) {
			if (next >= rows.length) return controller.close();
			controller.enqueue(encoder.encode(rows.slice(next, next + CHUNK).map((row) => cohortCsvRow(row, meta)).join('')));
			next += CHUNK;
		}
	});
	const fileName = cohortCsvFileName(group.name, todayInFrance(now));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
