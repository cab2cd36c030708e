import { addEvidence, emptySummary, type CriterionSummary, type EvidenceSource } from './model';

export interface StoredEvidence {
	criterionId: string;
	source: EvidenceSource;
	score: number;
	weight: number;
	at: Date;
}

/**
 * The summaries of one user computed from their whole evidence history, applying exactly
 * what recordEvidence applies incrementally (equivalent criteria included).
 */
export function summariesFromEvidence(history: StoredEvidence[], equivalentsOf: (criterionId: string) => string[]): Map<string, CriterionSummary> {
	const summaries = new Map<string, CriterionSummary>();
	const apply = (criterionId: string, evidence: Parameters<typeof addEvidence>[1]) => {
		summaries.set(criterionId, addEvidence(summaries.get(criterionId) ?? emptySummary(evidence.at), evidence));
	};
	for (const row of history) {
		const evidence = { source: row.source, score: row.score, weight: row.weight, at: row.at };
		apply(row.criterionId, evidence);
		if (row.source === 'self') continue;
		for (const equivalent of equivalentsOf(row.criterionId)) apply(equivalent, { ...evidence, viaEquivalence: true });
	}
	return summaries;
}
