/**
 * The one rule that folds the ledger into summaries, used by the writer (one row at a time, in
 * the row's transaction) and by the rebuild (the whole history in row order), so both always
 * agree. Pure: no database.
 */
import { applyEvidence, decay, emptySummary, type CriterionSummary, type EvidenceInput } from '../mastery/model';
import type { EvidenceKind, EvidenceSource, ObservationSituation } from './types';

/** A ledger row as the fold needs it. */
export interface LedgerRow {
	id: number;
	criterionId: string;
	source: EvidenceSource;
	kind: EvidenceKind;
	/** Null for a withdrawal. */
	score: number | null;
	weight: number;
	at: Date;
	situation: ObservationSituation | null;
	/** The row this one corrects or withdraws. */
	supersedes: number | null;
}

/**
 * The criteria a row counts for besides its own, with the equivalence factor: the equivalent
 * criteria of other certifications, except for self-positioning, which is a statement about one
 * criterion and never spreads.
 */
export function spreadOf(source: EvidenceSource, criterionId: string, equivalentsOf: (criterionId: string) => string[]): string[] {
	return source === 'self' ? [] : equivalentsOf(criterionId);
}

const inputOf = (row: LedgerRow, viaEquivalence: boolean): EvidenceInput => ({
	source: row.source,
	score: row.score ?? 0,
	weight: row.weight,
	at: row.at,
	situation: row.situation,
	viaEquivalence
});

/** Every criterion whose summary a row changes: its own, and those it spreads to. */
export function touchedBy(row: Pick<LedgerRow, 'criterionId' | 'source'>, superseded: Pick<LedgerRow, 'criterionId' | 'source'> | null, equivalentsOf: (criterionId: string) => string[]): string[] {
	const rows = superseded ? [row, superseded] : [row];
	return [...new Set(rows.flatMap((r) => [r.criterionId, ...spreadOf(r.source, r.criterionId, equivalentsOf)]))];
}

/**
 * Folds one row into the summaries: first takes out the row it supersedes (if that row still
 * counts), then adds this one unless it is a withdrawal. `superseded` is the superseded row
 * itself; the caller says whether it was still live. Self-positioning rows only move the
 * self-rating, which the ledger keeps as the latest live statement (see `latestSelf`).
 * Summaries missing from the map are created empty at the row's date.
 */
export function foldRow(
	summaries: Map<string, CriterionSummary>,
	row: LedgerRow,
	superseded: LedgerRow | null,
	equivalentsOf: (criterionId: string) => string[],
	keep: (criterionId: string) => boolean = () => true
): void {
	const apply = (target: LedgerRow, sign: 1 | -1) => {
		const spread = (criterionId: string, viaEquivalence: boolean) => {
			if (!keep(criterionId)) return;
			const current = summaries.get(criterionId) ?? emptySummary(row.at);
			summaries.set(criterionId, applyEvidence(current, inputOf(target, viaEquivalence), sign, row.at));
		};
		spread(target.criterionId, false);
		for (const equivalent of spreadOf(target.source, target.criterionId, equivalentsOf)) spread(equivalent, true);
	};
	if (superseded && superseded.kind === 'record') apply(superseded, -1);
	if (row.kind === 'record') apply(row, 1);
}

/** The self-rating a set of live self-positioning rows gives: the latest statement wins. */
export function latestSelf(rows: Pick<LedgerRow, 'score' | 'at'>[]): { selfRating: number | null; selfRatedAt: Date | null } {
	const latest = rows.reduce<Pick<LedgerRow, 'score' | 'at'> | null>((best, row) => (!best || row.at >= best.at ? row : best), null);
	return { selfRating: latest?.score ?? null, selfRatedAt: latest?.at ?? null };
}

/**
 * The summaries of one user from their whole ledger in row order, applying exactly what the
 * writer applies row by row. A row superseded later still counts until its superseding row
 * comes, as it did when it was written.
 */
export function summariesFromLedger(history: LedgerRow[], equivalentsOf: (criterionId: string) => string[], keep?: (criterionId: string) => boolean): Map<string, CriterionSummary> {
	const summaries = new Map<string, CriterionSummary>();
	const byId = new Map<number, LedgerRow>();
	const sorted = [...history].sort((a, b) => a.id - b.id);
	for (const row of sorted) {
		byId.set(row.id, row);
		const superseded = row.supersedes === null ? null : (byId.get(row.supersedes) ?? null);
		// Every criterion a row touches has a summary, as the writer's locks create one.
		for (const criterionId of touchedBy(row, superseded, equivalentsOf)) {
			if ((!keep || keep(criterionId)) && !summaries.has(criterionId)) summaries.set(criterionId, emptySummary(row.at));
		}
		if (row.source !== 'self') foldRow(summaries, row, superseded, equivalentsOf, keep);
	}
	const superseded = new Set(sorted.map((row) => row.supersedes).filter((id) => id !== null));
	const liveSelf = new Map<string, LedgerRow[]>();
	for (const row of sorted) {
		if (row.source !== 'self' || row.kind !== 'record' || superseded.has(row.id)) continue;
		if (keep && !keep(row.criterionId)) continue;
		liveSelf.set(row.criterionId, [...(liveSelf.get(row.criterionId) ?? []), row]);
	}
	for (const [criterionId, rows] of liveSelf) {
		summaries.set(criterionId, { ...(summaries.get(criterionId) ?? emptySummary(rows[0]!.at)), ...latestSelf(rows) });
	}
	return summaries;
}

const SUMS = ['weightedScore', 'weightedTotal', 'trainingScore', 'trainingTotal'] as const;
const VALUES = ['evidenceCount', 'appliedCount', 'trainingApplied', 'demonstratingCount', 'selfRating'] as const;
const DATES = ['lastEvidenceAt', 'selfRatedAt'] as const;

/**
 * True when two summaries say the same thing: counts and dates equal, decayed sums equal
 * within a tolerance once carried to the same reference date (the two may have been folded
 * in a different order, or stored with another reference date).
 */
export function sameSummary(a: CriterionSummary | undefined, b: CriterionSummary | undefined, tolerance = 1e-9): boolean {
	const empty = (s: CriterionSummary | undefined) => !s || (s.weightedTotal < 1e-9 && s.evidenceCount === 0 && s.selfRating === null && s.lastEvidenceAt === null);
	if (!a || !b) return empty(a) && empty(b);
	const at = Math.max(a.referenceAt.getTime(), b.referenceAt.getTime());
	const close = (x: number | null, y: number | null) =>
		x === null || y === null ? x === y : Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
	const carriedA = decay(at - a.referenceAt.getTime());
	const carriedB = decay(at - b.referenceAt.getTime());
	return (
		SUMS.every((field) => Math.abs(a[field] * carriedA - b[field] * carriedB) <= Math.max(1e-9, tolerance * Math.max(1, a[field], b[field]))) &&
		VALUES.every((field) => close(a[field], b[field])) &&
		(Object.keys(a.sourceCounts) as (keyof CriterionSummary['sourceCounts'])[]).every((source) => a.sourceCounts[source] === b.sourceCounts[source]) &&
		DATES.every((field) => (a[field]?.getTime() ?? null) === (b[field]?.getTime() ?? null))
	);
}
