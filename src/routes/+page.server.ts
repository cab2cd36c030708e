import type { PageServerLoad } from './$types';

// Placeholder until the référentiel loader lands: the three certifications Jalon prepares.
const certifications = [
	{ id: 'tci', type: 'CQPM', title: 'Technico-commercial industriel', units: '3 blocs de compétences' },
	{ id: 'ra', type: 'CQPM', title: 'Responsable d’affaires', units: '7 capacités professionnelles' },
	{ id: 'ntc', type: 'Titre professionnel', title: 'Négociateur technico-commercial', units: '2 certificats de compétences' }
];

export const load: PageServerLoad = async () => ({ certifications });
