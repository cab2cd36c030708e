import { error } from '@sveltejs/kit';
import { getMetierPage } from '$lib/server/referentiel/metiers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const metier = getMetierPage(params.id);
	if (!metier) error(404, 'Métier introuvable.');
	return { metier };
};
