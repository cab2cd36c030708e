import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { QuizItem, Scenario } from '../../../src/lib/server/content/types';
import type { QuizResponse } from '../../../src/lib/server/learning/grading';
import { submitQuizAnswer } from '../../../src/lib/server/learning/quiz.service';
import { chooseScenarioOption, findScenarioRun } from '../../../src/lib/server/learning/scenario.service';
import { attemptDraw } from '../../../src/lib/server/learning/attempt-draw';
import { answerFeedback, quizItemView, scenarioPath } from '../../../src/lib/server/learning/views';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { startedQuiz, startedRun } from '../../helpers/learning';
import { insertTestUser } from '../../helpers/users';

const { catalog } = loadCatalog(readContentFiles(path.resolve('content')));

/** The response a candidate who knows the answer gives. */
function rightResponse(item: QuizItem): QuizResponse {
	switch (item.type) {
		case 'single':
			return { type: 'single', choice: item.choices.find((c) => c.correct)!.id };
		case 'multiple':
			return { type: 'multiple', choices: item.choices.filter((c) => c.correct).map((c) => c.id) };
		case 'numeric':
			return { type: 'numeric', value: item.answer, raw: String(item.answer) };
		case 'ordering':
			return { type: 'ordering', order: item.steps.map((s) => s.id) };
		case 'matching':
			return { type: 'matching', matches: Object.fromEntries(item.pairs.map((p) => [p.id, p.id])) };
	}
}

/** Follows, at each node, the choice with the best average effect: a sound path. */
function bestChoice(scenario: Scenario, nodeId: string): string {
	const node = scenario.nodes[nodeId]!;
	if (!('choices' in node)) throw new Error(`${scenario.id}: ${nodeId} n'est pas une étape`);
	const average = (effects: Record<string, number>) => Object.values(effects).reduce((a, b) => a + b, 0) / Math.max(1, Object.keys(effects).length);
	return [...node.choices].sort((a, b) => average(b.effects) - average(a.effects))[0]!.id;
}

describeEachEngine('every module of the real content', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('has a module with a lesson, a quiz and a scenario for every competence', () => {
		expect(catalog.modules).toHaveLength(catalog.competences.size);
		for (const module of catalog.modules) {
			expect(module.lesson, module.competenceId).not.toBeNull();
			expect(module.quiz.length, module.competenceId).toBeGreaterThan(0);
			expect(module.scenarios.length, module.competenceId).toBeGreaterThan(0);
		}
	});

	it('every quiz item renders, is graded 1 for its right answer and leaves evidence', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) });
		let answered = 0;
		let criteria = 0;
		for (const module of catalog.modules) {
			const sessionId = await startedQuiz(database.db, { userId, module, mode: 'full', now: new Date() });
			for (const item of module.quiz) {
				const view = quizItemView(item, attemptDraw(sessionId));
				expect(view.promptHtml.length, item.id).toBeGreaterThan(0);
				const response = rightResponse(item);
				const outcome = await submitQuizAnswer(database.db, {
					userId, sessionId, itemId: item.id, idempotencyKey: randomUUID(), response, module, now: new Date(), catalog
				});
				expect(outcome, item.id).toMatchObject({ kind: 'recorded', answer: { score: 1 } });
				expect(answerFeedback(item, response, 1, catalog.criteria).verdict, item.id).toBe('correct');
				answered++;
				criteria += item.criteria.length;
			}
		}
		const evidence = await database.db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
		expect(Number(evidence.n)).toBe(criteria);
		expect(answered).toBe(catalog.modules.reduce((n, m) => n + m.quiz.length, 0));
	});

	it('every scenario plays from its start to an ending with a debrief', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: catalog.certifications.map((c) => c.id) });
		for (const module of catalog.modules) {
			for (const scenario of module.scenarios) {
				const runId = await startedRun(database.db, { userId, module, scenario });
				for (let step = 0; step < 30; step++) {
					const run = (await findScenarioRun(database.db, userId, runId))!;
					if (run.status === 'finished') break;
					const outcome = await chooseScenarioOption(database.db, {
						userId, runId, nodeId: run.currentNode, choiceId: bestChoice(scenario, run.currentNode), idempotencyKey: randomUUID(), module, scenario, now: new Date(), catalog
					});
					expect(outcome.kind, `${scenario.id} ${run.currentNode}`).toBe('recorded');
				}
				const run = (await findScenarioRun(database.db, userId, runId))!;
				expect(run.status, scenario.id).toBe('finished');
				const ending = scenario.nodes[run.currentNode]!;
				expect('ending' in ending && Object.keys(ending.ending.debrief).length, scenario.id).toBeGreaterThan(0);
				expect(scenarioPath(scenario, run.steps)).toHaveLength(run.steps.length);
			}
		}
	});
});
