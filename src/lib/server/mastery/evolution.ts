/**
 * The evolution of a candidate over time: at each weekly checkpoint, how many criteria of each
 * unit the mastery model would have said were acquired on that day. Pure functions.
 *
 * Replaying a year of evidence on every page view would be slow. The stored summary already
 * holds the whole history; taking out the evidence of the weeks shown gives where the candidate
 * stood at the first checkpoint, and putting it back week by week gives every other point. The
 * evidence of those weeks is read as one bucket per (criterion, week), its weights carried to
 * the first checkpoint (the anchor). Decay is exponential, so this is exact, not an
 * approximation: Σ w·2^(−(c − t)/h) = 2^(−(c − anchor)/h) · Σ w·2^((t − anchor)/h).
 * The database computes the buckets (evolution.repository.ts); `bucketEvidence` is the same
 * computation in TypeScript.
 */
import { APPLIED_SOURCES, decay, emptySummary, EQUIVALENT_FACTOR, HALF_LIFE_DAYS, statusOf, type CriterionSummary } from './model';
import type { LedgerRow } from '../evidence/fold';
import { spreadOf } from '../evidence/fold';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export interface EvidenceBucket {
	criterionId: string;
	/** k ≥ 1: after checkpoint k − 1, up to checkpoint k (later evidence goes to the last one). */
	bucket: number;
	/** Σ weight × score × 2^((t − anchor) / half-life), anchor = the first checkpoint. */
	weightedScore: number;
	/** Σ weight × 2^((t − anchor) / half-life). */
	weightedTotal: number;
	count: number;
	applied: number;
}

export interface UnitEvolution {
	unitId: string;
	/** Criteria acquired at each checkpoint. */
	acquired: number[];
	total: number;
}

export interface Evolution {
	checkpoints: Date[];
	units: UnitEvolution[];
}

/**
 * Weekly checkpoints ending now: the last `weeks` weeks, or fewer when the candidate enrolled
 * more recently (the first checkpoint then falls in the week before the enrolment, so the
 * curve starts from where the candidate stood when enrolling).
 */
export function weeklyCheckpoints(now: Date, since: Date | null, weeks = 12): Date[] {
	const checkpoints: Date[] = [];
	for (let k = weeks - 1; k >= 0; k--) {
		const at = new Date(now.getTime() - k * WEEK_MS);
		if (k === 0 || !since || at.getTime() >= since.getTime() - WEEK_MS) checkpoints.push(at);
	}
	return checkpoints;
}

/** The evolution reduced to its last `count` checkpoints (the values do not depend on the others). */
export function lastCheckpoints(evolution: Evolution, count: number): Evolution {
	const from = Math.max(0, evolution.checkpoints.length - count);
	return {
		checkpoints: evolution.checkpoints.slice(from),
		units: evolution.units.map((unit) => ({ ...unit, acquired: unit.acquired.slice(from) }))
	};
}

/** The bucket of an instant after the anchor: what the SQL `least(n − 1, ceil(Δ / step))` computes. */
export function bucketOf(at: Date, anchor: Date, last: number, stepMs = WEEK_MS): number {
	return Math.min(last, Math.ceil((at.getTime() - anchor.getTime()) / stepMs));
}

/** Growth of a weight carried from `at` to the anchor: 2^((t − anchor) / half-life). */
export function growth(at: Date, anchor: Date): number {
	return 2 ** ((at.getTime() - anchor.getTime()) / (HALF_LIFE_DAYS * DAY_MS));
}

/**
 * The buckets of the evidence after the first checkpoint, as the database query computes them.
 * Self-positioning is left out: it never changes a status. Only live rows count (a correction
 * replaces the row it supersedes in the curve, a withdrawn proof is gone from it).
 */
export function bucketEvidence(rows: LedgerRow[], checkpoints: Date[]): EvidenceBucket[] {
	const anchor = checkpoints[0];
	if (!anchor || checkpoints.length < 2) return [];
	const buckets = new Map<string, EvidenceBucket>();
	const superseded = new Set(rows.map((row) => row.supersedes).filter((id) => id !== null));
	for (const row of rows) {
		if (row.source === 'self' || row.kind !== 'record' || superseded.has(row.id) || row.at <= anchor) continue;
		const bucket = bucketOf(row.at, anchor, checkpoints.length - 1);
		const key = `${row.criterionId}\u0000${bucket}`;
		const entry = buckets.get(key) ?? { criterionId: row.criterionId, bucket, weightedScore: 0, weightedTotal: 0, count: 0, applied: 0 };
		const grown = row.weight * growth(row.at, anchor);
		entry.weightedScore += grown * (row.score ?? 0);
		entry.weightedTotal += grown;
		entry.count += 1;
		entry.applied += APPLIED_SOURCES.has(row.source) ? 1 : 0;
		buckets.set(key, entry);
	}
	return [...buckets.values()];
}

interface Sums {
	score: number;
	total: number;
	count: number;
	applied: number;
}

/**
 * Criteria acquired per unit at each checkpoint, from the current summaries (the whole history)
 * and the buckets of the evidence after the first checkpoint. Each bucket counts for its own
 * criterion and, with the equivalence factor and no evidence count, for the equivalent
 * criteria, as recordEvidence does; the status at a checkpoint is the model's on that day.
 */
export function evolutionFrom(
	summaries: ReadonlyMap<string, CriterionSummary>,
	buckets: EvidenceBucket[],
	checkpoints: Date[],
	units: { id: string; criterionIds: string[] }[],
	equivalentsOf: (criterionId: string) => string[]
): Evolution {
	const anchor = checkpoints[0];
	const tracked = new Set(units.flatMap((unit) => unit.criterionIds));
	// Additions of each bucket, criterion by criterion (bucket 0 stays empty).
	const additions: Map<string, Sums>[] = checkpoints.map(() => new Map());
	const add = (into: Map<string, Sums>, criterionId: string, sums: Sums, sign = 1) => {
		const current = into.get(criterionId) ?? { score: 0, total: 0, count: 0, applied: 0 };
		into.set(criterionId, {
			score: current.score + sign * sums.score,
			total: current.total + sign * sums.total,
			count: current.count + sign * sums.count,
			applied: current.applied + sign * sums.applied
		});
	};
	for (const bucket of buckets) {
		const into = additions[bucket.bucket];
		if (!into || bucket.bucket < 1) continue;
		const sums = { score: bucket.weightedScore, total: bucket.weightedTotal, count: bucket.count, applied: bucket.applied };
		if (tracked.has(bucket.criterionId)) add(into, bucket.criterionId, sums);
		// Buckets hold no self-positioning, so every bucket spreads as the ledger's fold does.
		for (const equivalent of spreadOf('quiz', bucket.criterionId, equivalentsOf)) {
			if (tracked.has(equivalent)) add(into, equivalent, { score: sums.score * EQUIVALENT_FACTOR, total: sums.total * EQUIVALENT_FACTOR, count: 0, applied: 0 });
		}
	}
	// Where each criterion stood at the anchor: its whole history minus the weeks shown.
	const running = new Map<string, Sums>();
	if (anchor) {
		for (const criterionId of tracked) {
			const summary = summaries.get(criterionId);
			if (!summary) continue;
			const carried = growth(summary.referenceAt, anchor);
			add(running, criterionId, { score: summary.weightedScore * carried, total: summary.weightedTotal * carried, count: summary.evidenceCount, applied: summary.appliedCount });
		}
		for (const into of additions) for (const [criterionId, sums] of into) add(running, criterionId, sums, -1);
	}

	const acquired = units.map(() => [] as number[]);
	checkpoints.forEach((checkpoint, k) => {
		for (const [criterionId, sums] of additions[k] ?? []) add(running, criterionId, sums);
		const carried = anchor ? decay(checkpoint.getTime() - anchor.getTime()) : 1;
		units.forEach((unit, u) => {
			let count = 0;
			for (const criterionId of unit.criterionIds) {
				const sums = running.get(criterionId);
				if (!sums) continue;
				const summary: CriterionSummary = {
					...emptySummary(checkpoint),
					// Rounding can leave a hair below zero once the weeks shown are taken out.
					weightedScore: Math.max(0, sums.score) * carried,
					weightedTotal: Math.max(0, sums.total) * carried,
					evidenceCount: sums.count,
					appliedCount: sums.applied
				};
				if (statusOf(summary, checkpoint) === 'acquis') count++;
			}
			acquired[u]!.push(count);
		});
	});
	return { checkpoints, units: units.map((unit, u) => ({ unitId: unit.id, acquired: acquired[u]!, total: unit.criterionIds.length })) };
}
