import type { Catalog } from '../content/types';
import type { Executor } from '../db';
import { preparationHref } from '$lib/paths';
import { preparationStandings } from './preparation.service';

export interface PreparationBlockItem {
	certificationId: string;
	title: string;
	href: string;
	/** « pas commencé », « en cours » or « règles connues », with the count behind it. */
	status: string;
	summary: string;
}

/**
 * The « Préparer l'évaluation » block of the candidate's space: one line per enrolled
 * certification that has a preparation module, with its own standing (never the progress map's).
 */
export async function candidatePreparation(db: Executor, catalog: Catalog, userId: string, certificationIds: string[]): Promise<PreparationBlockItem[]> {
	const standings = await preparationStandings(db, catalog, userId, certificationIds);
	return catalog.certifications.flatMap((certification) => {
		const standing = standings.get(certification.id);
		if (!standing) return [];
		const summary = standing.status === 'pas commencé' ? `Quiz sur les règles : pas encore répondu (${standing.total} questions)` : `Quiz sur les règles : ${standing.right} sur ${standing.total} bien connues`;
		return [{ certificationId: certification.id, title: `${certification.type} ${certification.title}`, href: preparationHref(certification.id), status: standing.status, summary }];
	});
}
