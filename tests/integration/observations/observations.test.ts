import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { getCatalog } from '../../../src/lib/server/content/catalog';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence } from '../../../src/lib/server/evidence/ledger';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { addDays, todayInFrance } from '../../../src/lib/server/groups/days';
import { ensureDemoGroup } from '../../../src/lib/server/groups/demo-data';
import { addMember, findGroup, type Group } from '../../../src/lib/server/groups/groups.repository';
import { createGroup } from '../../../src/lib/server/groups/groups.service';
import { levelsOf } from '../../../src/lib/server/mastery/model';
import { ensureDemoGroupObservations } from '../../../src/lib/server/observations/demo-observations';
import { commentField, resultField, type ObservationFormValues } from '../../../src/lib/server/observations/observation-form';
import { acknowledgeObservation, countObservations, findObservations } from '../../../src/lib/server/observations/observations.repository';
import { findGroupObservation, recordObservations } from '../../../src/lib/server/observations/observations.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

const catalog = getCatalog();
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const [k1, k2] = tci.units[0]!.competences[0]!.criteria.map((c) => c.id) as [string, string];
const raCriterion = catalog.certifications.find((c) => c.id === 'ra')!.units[0]!.competences[0]!.criteria[0]!.id;
const now = new Date();

function form(candidateIds: string[], criterionIds: string[], score: string, more: Partial<ObservationFormValues> = {}): ObservationFormValues {
	const values: ObservationFormValues = { candidateIds, criterionIds, observedOn: addDays(todayInFrance(now), -1), place: 'Atelier client, Lyon', situation: 'réelle', tutorName: '', tutorRole: '', results: {}, comments: {}, ...more };
	for (const c of candidateIds) for (const k of criterionIds) {
		values.results[resultField(c, k)] = score;
		values.comments[commentField(c, k)] = `Vu le ${k}`;
	}
	return values;
}

describeEachEngine('observations', (engine) => {
	let database: TestDatabase;
	let group: Group;
	let trainer: string;
	let alice: string;
	let bob: string;
	let outsider: string;
	const counts = async () => ({
		observations: (await database.db.selectFrom('observation').select('id').execute()).length,
		results: (await database.db.selectFrom('observation_result').select('evidence_id').execute()).length,
		evidence: (await database.db.selectFrom('evidence').select('id').where('source', '=', 'observation').execute()).length
	});

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		const db = database.db;
		trainer = await insertTestUser(db, 'trainer');
		group = (await findGroup(db, await createGroup(db, trainer, { name: 'Atelier', certificationId: 'tci', kind: 'formation', startsOn: null, endsOn: null, evaluationOn: null })))!;
		alice = await insertTestUser(db, { enrolIn: ['tci'] });
		bob = await insertTestUser(db, { enrolIn: ['tci'] });
		outsider = await insertTestUser(db, { enrolIn: ['tci'] });
		for (const id of [alice, bob]) await addMember(db, group.id, id, now);
		// Alice has trained well on k1: an observation « acquis » in a real situation makes it « démontré ».
		await withTransaction(db, (tx) =>
			appendEvidence(tx, catalog, alice, [...Array.from({ length: 4 }, () => ({ criterionId: k1, source: 'quiz' as const, score: 1, itemRef: 'q', contentVersion: 'v' })), { criterionId: k1, source: 'scenario' as const, score: 1, itemRef: 's', contentVersion: 'v' }], new Date(now.getTime() - 5 * 86_400_000))
		);
	});
	afterAll(async () => database?.destroy());

	it('one form for two candidates writes one observation each and one ledger row per criterion, recorded by the trainer, with the situation', async () => {
		const result = await recordObservations(database.db, catalog, group, trainer, form([alice, bob], [k1, k2], '1', { tutorName: 'Marc Dubois', tutorRole: 'tuteur' }), { now });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.observationIds).toHaveLength(2);
		const rows = await database.db.selectFrom('evidence').selectAll().where('source', '=', 'observation').execute();
		expect(rows).toHaveLength(4);
		for (const row of rows) expect([row.recorded_by, row.situation, row.score]).toEqual([trainer, 'réelle', 1]);
		const [mine] = await findObservations(database.db, { candidateIds: [alice] });
		expect(mine!.results.map((r) => [r.criterionId, r.score, r.comment])).toEqual([[k1, 1, `Vu le ${k1}`], [k2, 1, `Vu le ${k2}`]].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'fr', { numeric: true })));
		expect(mine!.tutorName).toBe('Marc Dubois');
		const summary = (await findSummaries(database.db, alice, [k1])).get(k1)!;
		expect(summary.sourceCounts.observation).toBe(1);
		expect(levelsOf(summary, now).demonstrated).toBe(true);
	});

	it('refuses with a French message beside each field, and writes nothing', async () => {
		const before = await counts();
		const check = async (values: ObservationFormValues, field: string, message: RegExp) => {
			const result = await recordObservations(database.db, catalog, group, trainer, values, { now });
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors[field], field).toMatch(message);
		};
		await check(form([alice], [], '1'), 'criterionIds', /au moins un critère/);
		await check(form([alice], [k1], '1', { observedOn: addDays(todayInFrance(now), 2) }), 'observedOn', /futur/);
		await check(form([alice], [k1], '1', { observedOn: '2026-02-30' }), 'observedOn', /date valide/);
		await check(form([alice], [raCriterion], '1'), 'criterionIds', /certification du groupe/);
		await check(form([alice, outsider], [k1], '1'), 'candidateIds', /pas dans ce groupe/);
		await check(form([alice], [k1], '1', { place: '  ' }), 'place', /lieu/);
		await check(form([alice], [k1], '1', { situation: 'ailleurs' }), 'situation', /type de situation/);
		await check(form([alice], [k1], ''), resultField(alice, k1), /Choisissez un résultat/);
		expect(await counts()).toEqual(before);
	});

	it('a correction supersedes: only it counts on the map, the history keeps both, and it cannot be corrected twice', async () => {
		const [original] = await findObservations(database.db, { candidateIds: [alice] });
		const correcting = (await findGroupObservation(database.db, group, original!.id))!;
		const result = await recordObservations(database.db, catalog, group, trainer, form([alice], [k1, k2], '0', { situation: 'reconstituée' }), { now, correcting });
		expect(result.ok).toBe(true);
		const summary = (await findSummaries(database.db, alice, [k1])).get(k1)!;
		expect(summary.sourceCounts.observation).toBe(1);
		expect(summary.demonstratingCount).toBe(0);
		expect(levelsOf(summary, now).demonstrated).toBe(false);
		const history = await findObservations(database.db, { candidateIds: [alice] });
		expect(history).toHaveLength(2);
		expect(history.find((o) => o.id === original!.id)!.supersededBy).toBe(history.find((o) => o.id !== original!.id)!.id);
		// The superseded ledger rows are still there, each replaced once.
		const superseding = await database.db.selectFrom('evidence').select(['supersedes']).where('user_id', '=', alice).where('supersedes', 'is not', null).execute();
		expect(superseding).toHaveLength(2);
		const again = await recordObservations(database.db, catalog, group, trainer, form([alice], [k1, k2], '1'), { now, correcting: (await findGroupObservation(database.db, group, original!.id))! });
		expect(again.ok).toBe(false);
		expect(await countObservations(database.db, alice, 'tci')).toEqual({ total: 1, unread: 1 });
	});

	it('the same form sent twice records once', async () => {
		const before = await counts();
		const values = form([bob], [k2], '0.5');
		await recordObservations(database.db, catalog, group, trainer, values, { now, requestKey: 'cle-de-formulaire-1234' });
		await recordObservations(database.db, catalog, group, trainer, values, { now, requestKey: 'cle-de-formulaire-1234' });
		const after = await counts();
		expect(after.observations - before.observations).toBe(1);
		expect(after.evidence - before.evidence).toBe(1);
	});

	it('the candidate acknowledges their own observation, once, without touching the ledger; nobody else can', async () => {
		const [latest] = await findObservations(database.db, { candidateIds: [bob] });
		const evidenceBefore = await database.db.selectFrom('evidence').select('id').execute();
		expect(await acknowledgeObservation(database.db, alice, latest!.id, now)).toBe(false);
		expect((await findObservations(database.db, { observationId: latest!.id }))[0]!.acknowledgedAt).toBeNull();
		const at = new Date(now.getTime() - 1000);
		expect(await acknowledgeObservation(database.db, bob, latest!.id, at)).toBe(true);
		expect(await acknowledgeObservation(database.db, bob, latest!.id, now)).toBe(true);
		expect((await findObservations(database.db, { observationId: latest!.id }))[0]!.acknowledgedAt!.getTime()).toBe(at.getTime());
		expect(await database.db.selectFrom('evidence').select('id').execute()).toHaveLength(evidenceBefore.length);
		expect((await countObservations(database.db, bob, 'tci')).unread).toBe(1);
	});

	it('an observation of another group is out of reach by its id', async () => {
		const other = (await findGroup(database.db, await createGroup(database.db, trainer, { name: 'Autre', certificationId: 'tci', kind: 'formation', startsOn: null, endsOn: null, evaluationOn: null })))!;
		const [one] = await findObservations(database.db, { candidateIds: [bob] });
		expect(await findGroupObservation(database.db, other, one!.id)).toBeNull();
		expect(await findGroupObservation(database.db, group, 'pas-un-uuid')).toBeNull();
	});

	describe('demo', () => {
		it('the demo group gets observations, some acknowledged, one superseded, once', async () => {
			const db = database.db;
			await insertTestUser(db, { role: 'trainer', email: DEMO_ACCOUNTS.trainer.email });
			await insertTestUser(db, { email: DEMO_ACCOUNTS.candidate.email });
			expect(await ensureDemoGroup(db, catalog, now)).toBe(true);
			expect(await ensureDemoGroupObservations(db, catalog, now)).toBeGreaterThanOrEqual(5);
			const demo = (await db.selectFrom('trainer_group').select('id').where('name', 'like', 'TCI%démonstration').executeTakeFirstOrThrow()).id;
			const all = await findObservations(db, { groupId: demo });
			expect(all.filter((o) => o.acknowledgedAt).length).toBeGreaterThanOrEqual(1);
			expect(all.filter((o) => !o.acknowledgedAt).length).toBeGreaterThanOrEqual(1);
			expect(all.filter((o) => o.supersededBy)).toHaveLength(1);
			expect(all.some((o) => o.situation === 'reconstituée')).toBe(true);
			expect(await ensureDemoGroupObservations(db, catalog, now)).toBe(0);
		});
	});
});
