import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { CSV_BOM, cohortCsvFileName, cohortCsvHeader, cohortCsvRow } from '$lib/server/groups/cohort-csv';
import { cohortRowsOf, loadCohortMembers } from '$lib/server/groups/cohort.service';
import { todayInFrance } from '$lib/server/groups/days';
import { formatJoinCode } from '$lib/server/groups/join-code';
import { requireManagedGroup } from '../managed-group';
import type { RequestHandler } from './$types';

/**
 * Candidates per chunk: each chunk reads its own candidates' summaries (one query), so the
 * response starts at once and neither the rows nor the file are ever held whole.
 */
const CHUNK = 50;

export const GET: RequestHandler = async (event) => {
	const { group } = await requireManagedGroup(event);
	const now = new Date();
	const cohort = await loadCohortMembers(getDb(), getCatalog(), group, now);
	if (!cohort) error(404, 'La certification de ce groupe n’est plus au catalogue.');
	const { certification } = cohort;
	const members = [...cohort.members].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
	const meta = { name: group.name, joinCode: group.joinCode ? formatJoinCode(group.joinCode) : null };
	const encoder = new TextEncoder();
	let next = 0;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(CSV_BOM + cohortCsvHeader(certification)));
		},
		async pull(controller) {
			if (next >= members.length) return controller.close();
			const chunk = members.slice(next, next + CHUNK);
			next += CHUNK;
			const rows = await cohortRowsOf(getDb(), certification, chunk, now);
			controller.enqueue(encoder.encode(rows.map((row) => cohortCsvRow(row, meta)).join('')));
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
