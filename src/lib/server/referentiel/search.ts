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

interface IndexedCriterion extends CriterionHit {
	haystack: string;
}

// The normalised text of every criterion, built once per catalog (the catalog lives as long
// as the process) rather than on every search.
const indexes = new WeakMap<Catalog, IndexedCriterion[]>();

function indexOf(catalog: Catalog): IndexedCriterion[] {
	let index = indexes.get(catalog);
	if (index) return index;
	index = [];
	for (const criterion of catalog.criteria.values()) {
		const competence = catalog.competences.get(criterion.competenceId);
		const certification = catalog.certifications.find((c) => c.id === criterion.certificationId);
		index.push({
			criterion,
			competenceTitle: competence?.title ?? '',
			certificationTitle: certification?.title ?? '',
			haystack: normalise(`${criterion.id} ${criterion.text} ${criterion.aspect} ${competence?.title ?? ''}`)
		});
	}
	indexes.set(catalog, index);
	return index;
}

/**
 * Criteria whose text, id, aspect or competence title contain every word of the query,
 * in référentiel order. An empty query finds nothing.
 */
export function searchCriteria(catalog: Catalog, query: string, limit = 50): { hits: CriterionHit[]; total: number } {
	const words = normalise(query).split(/\s+/).filter((word) => word.length > 0);
	if (words.length === 0) return { hits: [], total: 0 };
	const hits = indexOf(catalog)
		.filter((entry) => words.every((word) => entry.haystack.includes(word)))
		.map(({ criterion, competenceTitle, certificationTitle }) => ({ criterion, competenceTitle, certificationTitle }));
	return { hits: hits.slice(0, limit), total: hits.length };
}
