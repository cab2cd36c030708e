import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketEvidence, DAY_MS, evolutionFrom, lastCheckpoints, WEEK_MS, weeklyCheckpoints } from './evolution';
import { masteryOf, SOURCE_WEIGHTS, type EvidenceSource } from './model';
import { summariesFromLedger, type LedgerRow } from '../evidence/fold';

/** A ledger row from the fields these tests vary; ids follow the order of the list. */
type RowInput = Omit<LedgerRow, 'id' | 'kind' | 'situation' | 'supersedes'> & Partial<LedgerRow>;
const ledger = (rows: RowInput[]): LedgerRow[] => rows.map((row, i) => ({ id: i + 1, kind: 'record', situation: null, supersedes: null, ...row }));

const NOW = new Date('2026-11-22T12:00:00Z');
const units = [
	{ id: 'u1', criterionIds: ['x.c1.a', 'x.c1.b', 'x.c2.a'] },
	{ id: 'u2', criterionIds: ['x.c3.a', 'x.c3.b'] }
];
const criteria = units.flatMap((unit) => unit.criterionIds);
const equivalences: Record<string, string[]> = { 'x.c1.a': ['y.c9.z'], 'y.c9.z': ['x.c1.a'] };
const equivalentsOf = (id: string) => equivalences[id] ?? [];

const rowArbitrary = fc
	.record({
		criterionId: fc.constantFrom(...criteria, 'y.c9.z'),
		source: fc.constantFrom<EvidenceSource>('quiz', 'scenario', 'observation', 'portfolio', 'self'),
		score: fc.constantFrom(0, 0.5, 1, 1, 1),
		daysAgo: fc.integer({ min: 0, max: 400 })
	})
	.map(({ criterionId, source, score, daysAgo }): RowInput => ({
		criterionId,
		source,
		score,
		weight: SOURCE_WEIGHTS[source],
		at: new Date(NOW.getTime() - daysAgo * DAY_MS - 3_600_000)
	}));

/** The evolution as the page computes it: today's summaries, and the buckets of the weeks shown. */
function evolutionOf(input: RowInput[], checkpoints: Date[]) {
	const rows = ledger(input);
	return evolutionFrom(summariesFromLedger(rows, equivalentsOf), bucketEvidence(rows, checkpoints), checkpoints, units, equivalentsOf);
}

/** The reference: fold every row up to each checkpoint with the model, one by one. */
function foldedEvolution(input: RowInput[], checkpoints: Date[]) {
	// The corrected history: superseded rows and withdrawals take no part, corrections count from their date.
	const all = ledger(input);
	const superseded = new Set(all.map((row) => row.supersedes));
	const rows = all.filter((row) => row.kind === 'record' && !superseded.has(row.id)).map((row) => ({ ...row, supersedes: null }));
	return units.map((unit) =>
		checkpoints.map((checkpoint) => {
			const summaries = summariesFromLedger(
				rows.filter((row) => row.at <= checkpoint),
				equivalentsOf
			);
			return unit.criterionIds.filter((id) => masteryOf(summaries.get(id) ?? null, checkpoint).status === 'acquis').length;
		})
	);
}

describe('evolution over time', () => {
	it('gives, week by week, exactly what folding the evidence rows with the model gives', () => {
		fc.assert(
			fc.property(fc.array(rowArbitrary, { maxLength: 80 }), (rows) => {
				const checkpoints = weeklyCheckpoints(NOW, null);
				const evolution = evolutionOf(rows, checkpoints);
				expect(evolution.units.map((unit) => unit.acquired)).toEqual(foldedEvolution(rows, checkpoints));
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same points whether the weeks before the enrolment are computed or not', () => {
		fc.assert(
			fc.property(fc.array(rowArbitrary, { maxLength: 60 }), fc.integer({ min: 0, max: 120 }), (rows, enrolledDaysAgo) => {
				const shown = weeklyCheckpoints(NOW, new Date(NOW.getTime() - enrolledDaysAgo * DAY_MS));
				const trimmed = lastCheckpoints(evolutionOf(rows, weeklyCheckpoints(NOW, null)), shown.length);
				expect(trimmed).toEqual(evolutionOf(rows, shown));
			}),
			{ numRuns: 100 }
		);
	});

	it('replaces a superseded row by its correction, and drops a withdrawn one, in the curve', () => {
		const checkpoints = weeklyCheckpoints(NOW, null);
		const at = new Date(NOW.getTime() - 3 * WEEK_MS - DAY_MS);
		const later = new Date(NOW.getTime() - WEEK_MS - DAY_MS);
		const acquiring: RowInput[] = [
			...Array.from({ length: 3 }, () => ({ criterionId: 'x.c3.a', source: 'quiz' as const, score: 1, weight: 1, at })),
			{ criterionId: 'x.c3.a', source: 'observation', score: 1, weight: 3, at }
		];
		expect(evolutionOf(acquiring, checkpoints).units[1]!.acquired.at(-1)).toBe(1);
		// The observation (row 4) corrected to « non acquis »: the criterion is no longer acquired.
		const corrected = [...acquiring, { criterionId: 'x.c3.a', source: 'observation' as const, score: 0, weight: 3, at: later, supersedes: 4 }];
		expect(evolutionOf(corrected, checkpoints).units[1]!.acquired.at(-1)).toBe(0);
		expect(evolutionOf(corrected, checkpoints).units.map((unit) => unit.acquired)).toEqual(foldedEvolution(corrected, checkpoints));
		const withdrawn = [...acquiring, { criterionId: 'x.c3.a', source: 'observation' as const, score: null, kind: 'withdrawal' as const, weight: 3, at: later, supersedes: 4 }];
		expect(evolutionOf(withdrawn, checkpoints).units[1]!.acquired).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('shows a criterion becoming acquired the week its evidence arrives', () => {
		const checkpoints = weeklyCheckpoints(NOW, null);
		const at = new Date(NOW.getTime() - 3 * WEEK_MS - DAY_MS);
		const rows: RowInput[] = [
			...Array.from({ length: 4 }, () => ({ criterionId: 'x.c3.a', source: 'quiz' as const, score: 1, weight: 1, at })),
			{ criterionId: 'x.c3.a', source: 'scenario', score: 1, weight: 2, at }
		];
		const u2 = evolutionOf(rows, checkpoints).units[1]!;
		expect(u2.total).toBe(2);
		expect(u2.acquired).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
	});

	it('lets an acquired criterion slip back when its evidence grows old', () => {
		const checkpoints = weeklyCheckpoints(NOW, null);
		const at = new Date(checkpoints[0]!.getTime() - DAY_MS);
		const rows: RowInput[] = Array.from({ length: 3 }, () => ({ criterionId: 'x.c1.b', source: 'scenario' as const, score: 1, weight: 2, at }));
		const u1 = evolutionOf(rows, checkpoints).units[0]!;
		expect(u1.acquired[0]).toBe(1);
		expect(u1.acquired.at(-1)).toBe(0);
	});

	it('counts evidence on an equivalent criterion at half weight, week by week', () => {
		const checkpoints = weeklyCheckpoints(NOW, null);
		const anchor = checkpoints[0]!.getTime();
		const rows: RowInput[] = [
			{ criterionId: 'x.c1.a', source: 'scenario', score: 1, weight: 2, at: new Date(anchor - DAY_MS) },
			...Array.from({ length: 2 }, () => ({ criterionId: 'y.c9.z', source: 'scenario' as const, score: 1, weight: 2, at: new Date(anchor + 2.5 * WEEK_MS) }))
		];
		const evolution = evolutionOf(rows, checkpoints);
		expect(evolution.units.map((unit) => unit.acquired)).toEqual(foldedEvolution(rows, checkpoints));
		// Direct 2 (decayed) + equivalent 4 × 0.5 stays under the weight of 4 that a status needs.
		expect(evolution.units[0]!.acquired.every((count) => count === 0)).toBe(true);
	});

	it('starts in the week before the enrolment when it is recent', () => {
		const enrolled = new Date(NOW.getTime() - 10 * DAY_MS);
		const checkpoints = weeklyCheckpoints(NOW, enrolled);
		expect(checkpoints.map((c) => (NOW.getTime() - c.getTime()) / WEEK_MS)).toEqual([2, 1, 0]);
		expect(weeklyCheckpoints(NOW, new Date(NOW.getTime() - 400 * DAY_MS))).toHaveLength(12);
		expect(weeklyCheckpoints(NOW, NOW)).toHaveLength(2);
	});
});
