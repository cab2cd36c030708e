import type { Catalog, Criterion } from '../content/types';

/** Lower case without accents, so « negociation » finds « négociation ». */
export function normalise(text: string): string {
	return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export interface CriterionHit {
	criterion: Criterion;
	competenceTitle: string;
	certificationTitle: string;
}

/**
 * Criteria whose text, id, aspect or competence title contain every word of the query,
 * in référentiel order. An empty query finds nothing.
 */
export function searchCriteria(catalog: Catalog, query: string, limit = 50): { hits: CriterionHit[]; total: number } {
	const words = normalise(query).split(/\s+/).filter((word) => word.length > 0);
	if (words.length === 0) return { hits: [], total: 0 };
	const hits: CriterionHit[] = [];
	for (const criterion of catalog.criteria.values()) {
		const competence = catalog.competences.get(criterion.competenceId);
		const haystack = normalise(`${criterion.id} ${criterion.text} ${criterion.aspect} ${competence?.title ?? ''}`);
		if (words.every((word) => haystack.includes(word))) {
			const certification = catalog.certifications.find((c) => c.id === criterion.certificationId);
			hits.push({ criterion, competenceTitle: competence?.title ?? '', certificationTitle: certification?.title ?? '' });
		}
	}
	return { hits: hits.slice(0, limit), total: hits.length };
}
