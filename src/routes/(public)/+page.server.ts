import { getCatalog } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

const unitWords: Record<string, [string, string]> = {
	bloc: ['bloc de compétences', 'blocs de compétences'],
	ccp: ['certificat de compétences', 'certificats de compétences'],
	certification: ['ensemble de capacités', 'ensembles de capacités']
};

export const load: PageServerLoad = async () => {
	const certifications = getCatalog().certifications.map((certification) => {
		const mainUnits = certification.units.filter((unit) => unit.kind !== 'transversal');
		const competences = mainUnits.flatMap((unit) => unit.competences);
		const kind = mainUnits[0]?.kind ?? 'bloc';
		const words = unitWords[kind] ?? ['unité', 'unités'];
		const units =
			kind === 'certification'
				? `${competences.length} capacités professionnelles`
				: `${mainUnits.length} ${mainUnits.length > 1 ? words[1] : words[0]}, ${competences.length} compétences`;
		return { id: certification.id, type: certification.type, title: certification.title, units };
	});
	return { certifications };
};
