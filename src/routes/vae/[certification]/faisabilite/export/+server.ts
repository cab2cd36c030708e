import { getDb } from '$lib/server/db';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { exportFeasibility } from '$lib/server/vae/feasibility.service';
import type { RequestHandler } from './$types';

/** The feasibility-file fields as JSON (README « Export du dossier de faisabilité »), as a download. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	const now = new Date();
	const body = await exportFeasibility(getDb(), catalog, user.id, certification, now);
	return new Response(JSON.stringify(body, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="faisabilite-${certification.id}-${now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
