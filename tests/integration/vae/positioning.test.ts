import { afterAll, beforeAll, expect, it } from 'vitest';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { masteryOf } from '../../../src/lib/server/mastery/model';
import { findCurrentPositioning, findPositioningHistory } from '../../../src/lib/server/vae/positioning.repository';
import { savePositioning } from '../../../src/lib/server/vae/positioning.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, otherCertificationCriterion, spreadable } from './support';

const NOW = new Date('2026-11-30T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describeEachEngine('VAE self-positioning', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	const save = (userId: string, entries: { criterionId: string; answer: 'oui' | 'partiellement' | 'non'; example: string | null }[], at = NOW) =>
		savePositioning(database.db, catalog, { userId, certificationId: 'tci', entries, at });

	it('a revision is a new self row superseding the previous one; the history keeps both', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		expect(await save(userId, [{ criterionId: spreadable, answer: 'partiellement', example: 'Une offre en 2022' }])).toEqual({ ok: true, saved: 1 });
		expect(await save(userId, [{ criterionId: spreadable, answer: 'oui', example: 'Une offre en 2022' }], later(5))).toEqual({ ok: true, saved: 1 });

		const history = await findPositioningHistory(database.db, userId, [spreadable]);
		expect(history.map((h) => h.answer)).toEqual(['oui', 'partiellement']);
		const rows = await database.db.selectFrom('evidence').select(['id', 'source', 'score', 'supersedes', 'kind']).where('user_id', '=', userId).orderBy('id').execute();
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatchObject({ source: 'self', score: 1, kind: 'record', supersedes: Number(rows[0]!.id) });
		expect(history[0]!.evidenceId).toBe(Number(rows[1]!.id));
		expect((await findCurrentPositioning(database.db, userId)).get(spreadable)).toMatchObject({ answer: 'oui' });
	});

	it('saving the same statement again writes nothing (a replayed form)', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await save(userId, [{ criterionId: spreadable, answer: 'non', example: null }]);
		expect(await save(userId, [{ criterionId: spreadable, answer: 'non', example: null }], later(1))).toEqual({ ok: true, saved: 0 });
		expect(await findPositioningHistory(database.db, userId, [spreadable])).toHaveLength(1);
	});

	it('self-positioning never counts in mastery and never spreads to equivalent criteria', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await save(userId, [{ criterionId: spreadable, answer: 'oui', example: null }]);
		const equivalents = catalog.equivalentsOf(spreadable);
		expect(equivalents.length).toBeGreaterThan(0);
		const summaries = await findSummaries(database.db, userId, [spreadable, ...equivalents]);
		const own = summaries.get(spreadable)!;
		expect(own.selfRating).toBe(1);
		expect(own.weightedTotal).toBe(0);
		expect(own.evidenceCount).toBe(0);
		expect(masteryOf(own, NOW)).toMatchObject({ status: 'non évalué', selfRating: 1, levels: { training: false, demonstrated: false } });
		for (const id of equivalents) expect(summaries.get(id)).toBeUndefined();
	});

	it('refuses a criterion of another certification and an applicant not enrolled, writing nothing', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		expect(await save(userId, [{ criterionId: otherCertificationCriterion, answer: 'oui', example: null }])).toEqual({ ok: false, reason: 'foreign-criterion' });
		const stranger = await insertTestUser(database.db);
		expect(await save(stranger, [{ criterionId: spreadable, answer: 'oui', example: null }])).toEqual({ ok: false, reason: 'not-enrolled' });
		const rows = await database.db.selectFrom('evidence').select('id').where('user_id', 'in', [userId, stranger]).execute();
		expect(rows).toEqual([]);
	});

	it('two concurrent saves of the same criterion leave one live statement', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await Promise.all([save(userId, [{ criterionId: spreadable, answer: 'oui', example: null }]), save(userId, [{ criterionId: spreadable, answer: 'non', example: null }], later(1))]);
		const live = await database.db
			.selectFrom('evidence')
			.select('id')
			.where('user_id', '=', userId)
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
			.execute();
		expect(live).toHaveLength(1);
	});
});
