import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { enrol } from '../../../src/lib/server/enrolment/enrolment.repository';
import { summariesFromLedger } from '../../../src/lib/server/evidence/fold';
import { appendEvidence, type EvidenceEntry } from '../../../src/lib/server/evidence/ledger';
import { findUserLedger } from '../../../src/lib/server/evidence/ledger.repository';
import { rebuildUserSummaries } from '../../../src/lib/server/evidence/rebuild';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { bucketEvidence, weeklyCheckpoints } from '../../../src/lib/server/mastery/evolution';
import { findEvidenceBuckets } from '../../../src/lib/server/mastery/evolution.repository';
import { criterionIdsOf, loadProgressPage, loadReadinessReport } from '../../../src/lib/server/mastery/progress.service';
import { statusOf } from '../../../src/lib/server/mastery/model';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { pickFrom, realCatalog, seededRandom } from './support';

const DAY = 86_400_000;
const NOW = new Date('2026-11-20T10:00:00Z');
const noEquivalents = { equivalentsOf: () => [] };

describeEachEngine('progress map and readiness report', (engine) => {
	let database: TestDatabase;
	let userId: string;
	const catalog = realCatalog();
	const tci = catalog.certifications.find((c) => c.id === 'tci')!;
	const ids = criterionIdsOf(tci);
	const c1 = tci.units[0]!.competences[0]!;

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		userId = await insertTestUser(database.db, { email: `map-${engine}@test.fr` });
		// Twenty weeks of mixed evidence across the certification, then competence 1 mastered.
		const random = seededRandom(42);
		const others = ids.filter((id) => !id.startsWith(`${c1.id}.`));
		for (let day = 140; day > 0; day -= 2) {
			const entries: EvidenceEntry[] = Array.from({ length: 4 }, () => ({
				criterionId: pickFrom(random, others),
				source: random() < 0.7 ? 'quiz' : 'scenario',
				score: random() < 0.6 ? 1 : 0,
				itemRef: 'test',
				contentVersion: 'v1'
			}));
			if (day % 20 === 0) entries.push({ criterionId: pickFrom(random, others), source: 'self', score: 0.5, itemRef: 'self', contentVersion: 'v1' });
			await withTransaction(database.db, (tx) => appendEvidence(tx, noEquivalents, userId, entries, new Date(NOW.getTime() - day * DAY)));
		}
		const mastered: EvidenceEntry[] = c1.criteria.flatMap((criterion) => [
			...Array.from({ length: 3 }, () => ({ criterionId: criterion.id, source: 'quiz' as const, score: 1, itemRef: 'q', contentVersion: 'v1' })),
			{ criterionId: criterion.id, source: 'scenario' as const, score: 1, itemRef: 's', contentVersion: 'v1' }
		]);
		await withTransaction(database.db, (tx) => appendEvidence(tx, noEquivalents, userId, mastered, new Date(NOW.getTime() - DAY)));
	});
	afterAll(async () => database?.destroy());

	it('shows nothing to a candidate who is not enrolled', async () => {
		expect(await loadProgressPage(database.db, catalog, userId, tci, NOW)).toBeNull();
		expect(await loadReadinessReport(database.db, catalog, userId, tci, NOW)).toBeNull();
	});

	describe('once enrolled', () => {
		beforeAll(async () => {
			await enrol(database.db, userId, 'tci', 'formation');
			await database.db.updateTable('enrolment').set({ created_at: new Date(NOW.getTime() - 200 * DAY) }).where('user_id', '=', userId).execute();
		});

		it('reads every cell from the stored summaries and gives each unit its verdict', async () => {
			const page = (await loadProgressPage(database.db, catalog, userId, tci, NOW))!;
			expect(page.units.map((unit) => unit.id)).toEqual(['tci.bdc0158', 'tci.bdc0167', 'tci.bdc0166']);
			const competence = page.units[0]!.competences[0]!;
			expect(competence.acquired).toBe(true);
			expect(competence.criteria.every((cell) => cell.status === 'acquis' && cell.reasons.length > 0)).toBe(true);
			expect(page.units[0]!.verdictLabel).toMatch(/^(validé|partiellement : 1 sur 2 compétences)$/);
			const cells = page.units.flatMap((unit) => unit.competences.flatMap((c) => c.criteria));
			expect(cells).toHaveLength(ids.length);
			expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBe(ids.length);
			expect(cells.some((cell) => cell.selfRating === 0.5)).toBe(true);
			const missing = cells.filter((cell) => cell.status !== 'acquis');
			expect(missing.every((cell) => cell.next === null || /^\/modules\/tci\/c\d#(quiz|scenario-tci\.c\d\.s\d+)$/.test(cell.next.href))).toBe(true);
			expect(page.ready).toBe(false);
			expect(page.next).not.toBeNull();
		});

		it('computes the weekly evolution as folding the evidence rows in time order would', async () => {
			const checkpoints = weeklyCheckpoints(NOW, new Date(NOW.getTime() - 200 * DAY));
			expect(checkpoints).toHaveLength(12);
			const history = await findUserLedger(database.db, userId);
			const fromDatabase = await findEvidenceBuckets(database.db, userId, ids, checkpoints);
			const fromRows = bucketEvidence(history, checkpoints);
			const key = (b: { criterionId: string; bucket: number }) => `${b.criterionId}/${b.bucket}`;
			expect(fromDatabase.map(key).sort()).toEqual(fromRows.map(key).sort());
			const byKey = new Map(fromRows.map((b) => [key(b), b]));
			for (const bucket of fromDatabase) {
				const expected = byKey.get(key(bucket))!;
				expect(bucket.weightedScore).toBeCloseTo(expected.weightedScore, 9);
				expect(bucket.weightedTotal).toBeCloseTo(expected.weightedTotal, 9);
				expect([bucket.count, bucket.applied]).toEqual([expected.count, expected.applied]);
			}

			// The reference: every row up to each checkpoint folded with the model, one by one.
			const folded = tci.units.map((unit) =>
				checkpoints.map((checkpoint) => {
					const summaries = summariesFromLedger(history.filter((row) => row.at <= checkpoint), noEquivalents.equivalentsOf);
					return unit.competences.flatMap((c) => c.criteria).filter((x) => statusOf(summaries.get(x.id) ?? null, checkpoint) === 'acquis').length;
				})
			);
			const page = (await loadProgressPage(database.db, catalog, userId, tci, NOW))!;
			expect(page.evolution.checkpoints).toEqual(checkpoints);
			expect(page.evolution.units.map((unit) => unit.acquired)).toEqual(folded);
			// The last checkpoint is now: the curve ends where the map stands.
			page.units.forEach((unit, u) => {
				const acquiredNow = unit.competences.flatMap((c) => c.criteria).filter((cell) => cell.status === 'acquis').length;
				expect(page.evolution.units[u]!.acquired.at(-1)).toBe(acquiredNow);
			});
			expect(page.evolution.units[0]!.acquired.at(-1)).toBeGreaterThanOrEqual(c1.criteria.length);
			expect(page.evolution.units[0]!.acquired[0]).toBeLessThan(c1.criteria.length);
		});

		it('lists in the report the evidence behind each criterion, with the map’s statuses', async () => {
			const report = (await loadReadinessReport(database.db, catalog, userId, tci, NOW))!;
			const page = (await loadProgressPage(database.db, catalog, userId, tci, NOW))!;
			const statuses = (units: typeof page.units) => units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((x) => [x.id, x.status])));
			expect(statuses(report.map.units)).toEqual(statuses(page.units));
			const first = report.evidence.get(c1.criteria[0]!.id)!;
			const stored = await database.db
				.selectFrom('evidence')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('user_id', '=', userId)
				.where('criterion_id', '=', c1.criteria[0]!.id)
				.where('source', '<>', 'self')
				.executeTakeFirstOrThrow();
			expect(first.count).toBe(Number(stored.count));
			expect(first.sources.map((s) => s.source)).toEqual(expect.arrayContaining(['quiz', 'scenario']));
			expect(first.lastAt?.getTime()).toBe(NOW.getTime() - DAY);
		});
	});

	it('rebuilding corrects a summary that drifted from the evidence', async () => {
		const criterionId = c1.criteria[0]!.id;
		const before = (await findSummaries(database.db, userId, [criterionId])).get(criterionId)!;
		await database.db.updateTable('criterion_summary').set({ weighted_score: 0, evidence_count: 0 }).where('user_id', '=', userId).where('criterion_id', '=', criterionId).execute();
		await withTransaction(database.db, (tx) => rebuildUserSummaries(tx, noEquivalents, userId));
		const after = (await findSummaries(database.db, userId, [criterionId])).get(criterionId)!;
		expect(after.evidenceCount).toBe(before.evidenceCount);
		expect(after.weightedScore).toBeCloseTo(before.weightedScore, 9);
	});
});
