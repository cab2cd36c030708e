import { json } from '@sveltejs/kit';
import { getDb, getDatabaseEngine } from '$lib/server/db';
import { isDatabaseReachable } from '$lib/server/db/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const reachable = await isDatabaseReachable(getDb());
	return json(
		{ status: reachable ? 'ok' : 'indisponible', database: getDatabaseEngine() },
		{ status: reachable ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
