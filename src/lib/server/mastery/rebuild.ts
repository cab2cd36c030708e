import { addEvidence, decay, emptySummary, type CriterionSummary, type EvidenceSource } from './model';

export interface StoredEvidence {
	criterionId: string;
	source: EvidenceSource;
	score: number;
	weight: number;
	at: Date;
}

/**
 * Folds one stored evidence row into the summaries, as recordEvidence does when it is written:
 * on its own criterion, and (except self-positioning) on each equivalent criterion with the
 * equivalence factor. `keep` limits the criteria whose summaries are kept (all by default).
 */
export function applyStoredEvidence(
	summaries: Map<string, CriterionSummary>,
	row: StoredEvidence,
	equivalentsOf: (criterionId: string) => string[],
	keep: (criterionId: string) => boolean = () => true
): void {
	const evidence = { source: row.source, score: row.score, weight: row.weight, at: row.at };
	const apply = (criterionId: string, viaEquivalence: boolean) => {
		if (!keep(criterionId)) return;
		const current = summaries.get(criterionId) ?? emptySummary(row.at);
		summaries.set(criterionId, addEvidence(current, viaEquivalence ? { ...evidence, viaEquivalence } : evidence));
	};
	apply(row.criterionId, false);
	if (row.source === 'self') return;
	for (const equivalent of equivalentsOf(row.criterionId)) apply(equivalent, true);
}

/**
 * The summaries of one user computed from their whole evidence history, applying exactly
 * what recordEvidence applies incrementally (equivalent criteria included).
 */
export function summariesFromEvidence(history: StoredEvidence[], equivalentsOf: (criterionId: string) => string[]): Map<string, CriterionSummary> {
	const summaries = new Map<string, CriterionSummary>();
	for (const row of history) applyStoredEvidence(summaries, row, equivalentsOf);
	return summaries;
}

const SUMS = ['weightedScore', 'weightedTotal'] as const;
const VALUES = ['evidenceCount', 'appliedCount', 'selfRating'] as const;
const DATES = ['lastEvidenceAt', 'selfRatedAt'] as const;

/**
 * True when two summaries say the same thing: counts and dates equal, decayed sums equal
 * within a relative tolerance once carried to the same reference date (the two may have been
 * folded in a different order, or stored with another reference date).
 */
export function sameSummary(a: CriterionSummary | undefined, b: CriterionSummary | undefined, tolerance = 1e-9): boolean {
	if (!a || !b) return a === b;
	const at = Math.max(a.referenceAt.getTime(), b.referenceAt.getTime());
	const close = (x: number | null, y: number | null) =>
		x === null || y === null ? x === y : Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
	const carriedA = decay(at - a.referenceAt.getTime());
	const carriedB = decay(at - b.referenceAt.getTime());
	return (
		SUMS.every((field) => close(a[field] * carriedA, b[field] * carriedB)) &&
		VALUES.every((field) => close(a[field], b[field])) &&
		DATES.every((field) => (a[field]?.getTime() ?? null) === (b[field]?.getTime() ?? null))
	);
}
