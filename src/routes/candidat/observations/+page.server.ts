import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { readFormData } from '$lib/server/auth/form';
import { readField } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/groups/groups.repository';
import { criterionLabels, observationView } from '$lib/server/observations/observation-view';
import { acknowledgeObservation, findObservations } from '$lib/server/observations/observations.repository';
import { myObservationsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

// The candidate's own observations only: read for the signed-in user, never from the URL.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const labelOf = criterionLabels(catalog);
	const records = await findObservations(getDb(), { candidateIds: [user.id] });
	return {
		observations: records.map((r) => observationView(r, { ...catalog, criterionLabel: labelOf })),
		acknowledged: url.searchParams.get('info') === 'pris-connaissance'
	};
};

export const actions: Actions = {
	acknowledge: async ({ locals, request }) => {
		const user = requireUser(locals);
		const observationId = readField(await readFormData(request), 'observationId');
		// Someone else's observation id acknowledges nothing and says nothing of it.
		if (!isUuid(observationId) || !(await acknowledgeObservation(getDb(), user.id, observationId, new Date()))) return fail(404, { error: 'Observation introuvable.' });
		redirect(303, `${myObservationsHref}?info=pris-connaissance#observation-${observationId}`);
	}
};
