import { error } from '@sveltejs/kit';
import { getMetierPage } from '$lib/server/referentiel/metiers';
import { getCatalog } from '$lib/server/content/catalog';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every métier of the content is built as a file (see ../../+layout.ts).
export const entries: EntryGenerator = () => getCatalog().metiers.map((metier) => ({ id: metier.id }));

export const load: PageServerLoad = async ({ params }) => {
	const metier = getMetierPage(params.id);
	if (!metier) error(404, 'Métier introuvable.');
	return { metier };
};
