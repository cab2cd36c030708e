import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import { attemptDraw } from '../../../src/lib/server/learning/attempt-draw';
import { findQuizSession } from '../../../src/lib/server/learning/quiz.service';
import { findScenarioRun } from '../../../src/lib/server/learning/scenario.service';
import { quizItemView } from '../../../src/lib/server/learning/views';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { startedQuiz, startedRun } from '../../helpers/learning';
import { insertTestUser } from '../../helpers/users';

const { catalog } = loadCatalog(readContentFiles(path.resolve('content')));
const module = catalog.modules.find((candidate) => candidate.competenceId === 'tci.c5')!;

/** What the page shows of each item, as one string per item: the order of option texts. */
async function shownOrders(database: TestDatabase, userId: string, sessionId: string): Promise<string[]> {
	const session = (await findQuizSession(database.db, userId, sessionId))!;
	const draw = attemptDraw(session.drawSeed);
	return module.quiz.map((item) => {
		const view = quizItemView(item, draw);
		return [...view.options, ...view.targets].map((option) => option.html).join(' | ');
	});
}

describeEachEngine('option order drawn per attempt', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('two candidates starting the same full quiz see different orders on most items, each stable on reload', async () => {
		const [first, second] = [await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) }), await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) })];
		const now = new Date();
		const firstSession = await startedQuiz(database.db, { userId: first, module, mode: 'full', now });
		const secondSession = await startedQuiz(database.db, { userId: second, module, mode: 'full', now });
		const firstOrders = await shownOrders(database, first, firstSession);
		const secondOrders = await shownOrders(database, second, secondSession);
		const withOptions = module.quiz.filter((item) => item.type !== 'numeric').length;
		const different = firstOrders.filter((order, index) => order && order !== secondOrders[index]).length;
		expect(different / withOptions).toBeGreaterThan(0.5);
		// A reload reads the session again: the same order.
		expect(await shownOrders(database, first, firstSession)).toEqual(firstOrders);
		// Resuming the open quiz (another tab, a new login) is the same session, so the same order.
		expect(await startedQuiz(database.db, { userId: first, module, mode: 'full', now })).toBe(firstSession);
	});

	it('an injected seed gives a repeatable draw', async () => {
		const [first, second] = [await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) }), await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) })];
		const now = new Date();
		const a = await startedQuiz(database.db, { userId: first, module, mode: 'full', now, drawSeed: 'graine-fixe' });
		const b = await startedQuiz(database.db, { userId: second, module, mode: 'full', now, drawSeed: 'graine-fixe' });
		expect(await shownOrders(database, first, a)).toEqual(await shownOrders(database, second, b));
	});

	it('what the page receives carries no content id', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) });
		const sessionId = await startedQuiz(database.db, { userId, module, mode: 'full', now: new Date() });
		const draw = attemptDraw((await findQuizSession(database.db, userId, sessionId))!.drawSeed);
		for (const item of module.quiz) {
			const view = quizItemView(item, draw);
			const ids = [item.id, ...(item.type === 'single' || item.type === 'multiple' ? item.choices.map((c) => c.id) : []), ...(item.type === 'ordering' ? item.steps.map((s) => s.id) : []), ...(item.type === 'matching' ? item.pairs.map((p) => p.id) : [])];
			const tokens = [view.token, ...view.options.map((o) => o.token), ...view.targets.map((t) => t.token)];
			for (const token of tokens) expect(ids, item.id).not.toContain(token);
			expect(JSON.stringify(view), item.id).not.toContain(item.id);
			expect(JSON.stringify(view), item.id).not.toMatch(/"correct"|"feedback"|"answer"/);
		}
	});

	it('each scenario run keeps its own seed', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) });
		const scenario = module.scenarios[0]!;
		const runId = await startedRun(database.db, { userId, module, scenario });
		const run = (await findScenarioRun(database.db, userId, runId))!;
		expect(run.drawSeed.length).toBeGreaterThanOrEqual(32);
		expect((await findScenarioRun(database.db, userId, runId))!.drawSeed).toBe(run.drawSeed);
	});
});
