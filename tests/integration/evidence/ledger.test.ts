import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence, LedgerConflict, type EvidenceEntry } from '../../../src/lib/server/evidence/ledger';
import { findSummaries, findSummariesForUsers, saveSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { EQUIVALENT_FACTOR, emptySummary, levelsOf, SOURCE_WEIGHTS } from '../../../src/lib/server/mastery/model';
import { criterionIdsOf } from '../../../src/lib/server/mastery/progress.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { realCatalog, seededRandom } from '../mastery/support';

const catalog = realCatalog();
const NOW = new Date('2026-11-30T10:00:00Z');
// A real equivalence: a TCI criterion and its equivalent in another certification.
const group = catalog.equivalences.find((e) => e.criteria.some((id) => id.startsWith('tci.')))!;
const criterion = group.criteria.find((id) => id.startsWith('tci.'))!;
const equivalent = group.criteria.find((id) => !id.startsWith('tci.'))!;

const entry = (source: EvidenceEntry['source'], score: number, extra: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
	criterionId: criterion,
	source,
	score,
	itemRef: `test-${source}`,
	contentVersion: 'v1',
	...extra
});

describeEachEngine('the evidence ledger', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		trainer = await insertTestUser(database.db, 'trainer');
	});
	afterAll(async () => database?.destroy());

	const append = (userId: string, entries: EvidenceEntry[], at = NOW) => withTransaction(database.db, (tx) => appendEvidence(tx, catalog, userId, entries, at));
	const summaryOf = async (userId: string, id = criterion) => (await findSummaries(database.db, userId, [id])).get(id) ?? null;

	it('self-positioning never reaches equivalent criteria; an observation does, with the equivalence factor', async () => {
		const userId = await insertTestUser(database.db);
		await append(userId, [entry('self', 1)]);
		expect((await summaryOf(userId))?.selfRating).toBe(1);
		expect(await summaryOf(userId, equivalent)).toBeNull();
		await append(userId, [entry('observation', 1, { situation: 'réelle', recordedBy: trainer })]);
		const spread = (await summaryOf(userId, equivalent))!;
		expect(spread.weightedTotal).toBeCloseTo(SOURCE_WEIGHTS.observation * EQUIVALENT_FACTOR, 9);
		expect(spread.selfRating).toBeNull();
		// Through an equivalence, never a count of its own nor the real-situation level.
		expect(spread.evidenceCount).toBe(0);
		expect(spread.demonstratingCount).toBe(0);
	});

	it('records who recorded a row, and a superseding row replaces the earlier one in the summary', async () => {
		const userId = await insertTestUser(database.db);
		const [first] = await append(userId, [entry('observation', 0, { situation: 'réelle', recordedBy: trainer })]);
		const stored = await database.db.selectFrom('evidence').select(['recorded_by', 'situation']).where('id', '=', first!).executeTakeFirstOrThrow();
		expect(stored).toEqual({ recorded_by: trainer, situation: 'réelle' });
		await append(userId, [entry('observation', 1, { situation: 'réelle', recordedBy: trainer, supersedes: first })]);
		const summary = (await summaryOf(userId))!;
		expect(summary.evidenceCount).toBe(1);
		expect(summary.sourceCounts.observation).toBe(1);
		expect(summary.weightedScore).toBeCloseTo(SOURCE_WEIGHTS.observation, 9);
		expect(summary.weightedTotal).toBeCloseTo(SOURCE_WEIGHTS.observation, 9);
		// The equivalent criterion follows the correction too.
		expect((await summaryOf(userId, equivalent))!.weightedScore).toBeCloseTo(SOURCE_WEIGHTS.observation * EQUIVALENT_FACTOR, 9);
	});

	it('a withdrawal removes a proof’s effect and the « démontré » level it gave', async () => {
		const userId = await insertTestUser(database.db);
		const ids = await append(userId, [1, 2, 3].map((n) => entry('portfolio', 1, { itemRef: `lien-${n}`, recordedBy: trainer })));
		expect(levelsOf(await summaryOf(userId), NOW)).toEqual({ training: false, demonstrated: true });
		await append(userId, [entry('portfolio', 0, { supersedes: ids[0], withdraw: true, recordedBy: trainer })]);
		const summary = (await summaryOf(userId))!;
		expect(summary.sourceCounts.portfolio).toBe(2);
		expect(summary.demonstratingCount).toBe(2);
		expect(levelsOf(summary, NOW).demonstrated).toBe(false);
		const withdrawal = await database.db.selectFrom('evidence').select(['kind', 'score']).where('supersedes', '=', ids[0]!).executeTakeFirstOrThrow();
		expect(withdrawal).toEqual({ kind: 'withdrawal', score: null });
	});

	it('refuses to supersede a row twice, a row of another user, or another criterion', async () => {
		const userId = await insertTestUser(database.db);
		const other = await insertTestUser(database.db);
		const [id] = await append(userId, [entry('observation', 1, { situation: 'réelle' })]);
		await append(userId, [entry('observation', 0, { situation: 'réelle', supersedes: id })]);
		await expect(append(userId, [entry('observation', 1, { supersedes: id })])).rejects.toBeInstanceOf(LedgerConflict);
		const [mine] = await append(userId, [entry('observation', 1, { situation: 'réelle' })]);
		await expect(append(other, [entry('observation', 0, { supersedes: mine })])).rejects.toBeInstanceOf(LedgerConflict);
		await expect(append(userId, [entry('observation', 0, { supersedes: mine, criterionId: equivalent })])).rejects.toBeInstanceOf(LedgerConflict);
		// Nothing half-written: the refused appends left no row.
		const rows = await database.db.selectFrom('evidence').select('id').where('user_id', '=', other).execute();
		expect(rows).toHaveLength(0);
	});

	it('levels: quizzes and scenarios alone reach at most « acquis à l’entraînement »', async () => {
		const userId = await insertTestUser(database.db);
		await append(userId, [...Array.from({ length: 6 }, () => entry('quiz', 1)), entry('scenario', 1), entry('scenario', 1)]);
		expect(levelsOf(await summaryOf(userId), NOW)).toEqual({ training: true, demonstrated: false });
	});

	it('levels: an observation scored « non acquis », or in a reconstituted situation, never makes a criterion « démontré »', async () => {
		const failing = await insertTestUser(database.db);
		await append(failing, [...Array.from({ length: 8 }, () => entry('quiz', 1)), entry('scenario', 1), entry('observation', 0, { situation: 'réelle' })]);
		expect(levelsOf(await summaryOf(failing), NOW).demonstrated).toBe(false);
		const reconstituted = await insertTestUser(database.db);
		await append(reconstituted, [entry('observation', 1, { situation: 'reconstituée' }), entry('observation', 1, { situation: 'reconstituée' })]);
		expect((await summaryOf(reconstituted))!.demonstratingCount).toBe(0);
		expect(levelsOf(await summaryOf(reconstituted), NOW).demonstrated).toBe(false);
		const real = await insertTestUser(database.db);
		await append(real, [entry('observation', 1, { situation: 'réelle' }), entry('observation', 1, { situation: 'entretien' })]);
		expect(levelsOf(await summaryOf(real), NOW)).toEqual({ training: false, demonstrated: true });
	});

	it('levels: validated proofs alone can make a criterion « démontré » (three of them, not two)', async () => {
		const two = await insertTestUser(database.db);
		await append(two, [entry('portfolio', 1, { itemRef: 'a' }), entry('portfolio', 1, { itemRef: 'b' })]);
		expect(levelsOf(await summaryOf(two), NOW).demonstrated).toBe(false);
		const three = await insertTestUser(database.db);
		await append(three, [entry('portfolio', 1, { itemRef: 'a' }), entry('portfolio', 1, { itemRef: 'b' }), entry('portfolio', 1, { itemRef: 'c' })]);
		expect(levelsOf(await summaryOf(three), NOW)).toEqual({ training: false, demonstrated: true });
	});

	it('the batch read for 500 candidates on TCI returns the same cells as 500 single reads', async () => {
		const ids = criterionIdsOf(catalog.certifications.find((c) => c.id === 'tci')!);
		expect(ids).toHaveLength(89);
		const random = seededRandom(500);
		const users: string[] = [];
		const rows = await database.db
			.insertInto('app_user')
			.values(Array.from({ length: 500 }, (_, i) => ({ email: `cohorte-${engine}-${i}@test.fr`, display_name: `Cohorte ${i}`, password_hash: 'x' })))
			.returning('id')
			.execute();
		for (const { id } of rows) {
			users.push(id);
			const summaries = new Map(
				ids
					.filter(() => random() < 0.9)
					.map((criterionId) => {
						const total = 1 + random() * 9;
						return [criterionId, { ...emptySummary(NOW), weightedTotal: total, weightedScore: total * random(), evidenceCount: Math.floor(random() * 12), demonstratingCount: random() < 0.2 ? 1 : 0 }];
					})
			);
			await saveSummaries(database.db, id, summaries);
		}
		const batch = await findSummariesForUsers(database.db, users, ids);
		expect(batch.size).toBe(500);
		let cells = 0;
		for (const userId of users) {
			const single = await findSummaries(database.db, userId, ids);
			expect(batch.get(userId)).toEqual(single);
			cells += single.size;
		}
		expect(cells).toBeGreaterThan(35_000);
	});
});
