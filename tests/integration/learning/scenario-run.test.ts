import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureFiles } from '../../fixtures/content';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { Module, Scenario } from '../../../src/lib/server/content/types';
import { chooseScenarioOption, findScenarioRun, startScenarioRun } from '../../../src/lib/server/learning/scenario.service';
import { startedRun } from '../../helpers/learning';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

const { catalog } = loadCatalog(fixtureFiles());
const module = catalog.modules[0] as Module;
const scenario = module.scenarios[0] as Scenario;

describeEachEngine('scenario runs', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	const choose = (userId: string, runId: string, nodeId: string, choiceId: string, idempotencyKey = randomUUID()) =>
		chooseScenarioOption(database.db, { userId, runId, nodeId, choiceId, idempotencyKey, module, scenario, now: new Date(), catalog });

	it('plays a choice, records its evidence and reaches the ending', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const runId = await startedRun(database.db, { userId, module, scenario });
		expect(await choose(userId, runId, 'n1', 'a')).toMatchObject({ kind: 'recorded', finished: true });
		const run = await findScenarioRun(database.db, userId, runId);
		expect(run).toMatchObject({ status: 'finished', currentNode: 'fin', steps: [{ stepNumber: 1, nodeId: 'n1', choiceId: 'a' }] });
		const evidence = await database.db.selectFrom('evidence').selectAll().where('user_id', '=', userId).execute();
		expect(evidence).toHaveLength(1);
		expect(evidence[0]).toMatchObject({ criterion_id: 'demo.c1.met1', source: 'scenario', score: 1, weight: 2, item_ref: 'demo.c1.s1#n1.a' });
	});

	it('never forks: two tabs choosing at the same node record one step', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const runId = await startedRun(database.db, { userId, module, scenario });
		const outcomes = await Promise.all([choose(userId, runId, 'n1', 'a'), choose(userId, runId, 'n1', 'b')]);
		expect(outcomes.map((o) => o.kind).sort()).toEqual(['finished', 'recorded']);
		const run = await findScenarioRun(database.db, userId, runId);
		expect(run?.steps).toHaveLength(1);
		const evidence = await database.db.selectFrom('evidence').select('id').where('user_id', '=', userId).execute();
		expect(evidence).toHaveLength(1);
	});

	it('a replayed form (same key) returns the same step without recording it twice', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const runId = await startedRun(database.db, { userId, module, scenario });
		const key = randomUUID();
		const outcomes = await Promise.all(Array.from({ length: 10 }, () => choose(userId, runId, 'n1', 'b', key)));
		expect(outcomes.filter((o) => o.kind === 'recorded')).toHaveLength(1);
		expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(9);
		expect((await findScenarioRun(database.db, userId, runId))?.steps).toHaveLength(1);
	});

	it('starting or playing a scenario without being enrolled is refused by the use case itself', async () => {
		const outsider = await insertTestUser(database.db);
		expect(await startScenarioRun(database.db, { userId: outsider, module, scenario })).toEqual({ kind: 'not-enrolled' });
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const runId = await startedRun(database.db, { userId, module, scenario });
		await database.db.deleteFrom('enrolment').where('user_id', '=', userId).execute();
		expect(await choose(userId, runId, 'n1', 'a')).toEqual({ kind: 'not-enrolled' });
		expect(await database.db.selectFrom('evidence').select('id').where('user_id', '=', userId).execute()).toHaveLength(0);
	});

	it('resumes an unfinished run and keeps others out', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const runId = await startedRun(database.db, { userId, module, scenario });
		expect(await startedRun(database.db, { userId, module, scenario })).toBe(runId);
		const intruder = await insertTestUser(database.db, { enrolIn: ['demo'] });
		expect(await findScenarioRun(database.db, intruder, runId)).toBeNull();
		expect(await choose(intruder, runId, 'n1', 'a')).toEqual({ kind: 'not-found' });
	});
});
