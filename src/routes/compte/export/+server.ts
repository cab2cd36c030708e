import { getDb } from '$lib/server/db';
import { exportAccountData } from '$lib/server/auth/account-data';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

// Always the signed-in user's own data: no id is read from the URL.
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireUser(locals);
	const data = await exportAccountData(getDb(), user.id);
	const day = data.exportedAt.slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="jalon-mes-donnees-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
