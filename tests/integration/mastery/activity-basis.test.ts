import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence } from '../../../src/lib/server/evidence/ledger';
import { submitQuizAnswer } from '../../../src/lib/server/learning/quiz.service';
import { chooseScenarioOption, findScenarioRun } from '../../../src/lib/server/learning/scenario.service';
import { findActivityBasis } from '../../../src/lib/server/mastery/activity-basis.repository';
import { startedQuiz, startedRun } from '../../helpers/learning';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { realCatalog } from './support';

const catalog = realCatalog();
// A module whose first item moves two criteria: one answer, two evidence rows.
const module = catalog.modules.find((m) => m.certificationId === 'tci' && m.quiz.some((item) => item.criteria.length > 1))!;
const item = module.quiz.find((candidate) => candidate.criteria.length > 1)!;

describeEachEngine('what an estimate rests on', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('counts answers and decisions once whatever the criteria they move, and only live observations and proofs', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'] });
		const trainer = await insertTestUser(database.db, 'trainer');
		const now = new Date();
		const sessionId = await startedQuiz(database.db, { userId, module, mode: 'full', now });
		const response = item.type === 'numeric' ? { type: 'numeric' as const, value: item.answer, raw: String(item.answer) } : item.type === 'single' ? { type: 'single' as const, choice: item.choices[0]!.id } : item.type === 'multiple' ? { type: 'multiple' as const, choices: [item.choices[0]!.id] } : item.type === 'ordering' ? { type: 'ordering' as const, order: item.steps.map((s) => s.id) } : { type: 'matching' as const, matches: Object.fromEntries(item.pairs.map((p) => [p.id, p.id])) };
		expect((await submitQuizAnswer(database.db, { userId, sessionId, itemId: item.id, idempotencyKey: randomUUID(), response, module, catalog, now })).kind).toBe('recorded');
		const scenario = module.scenarios[0]!;
		const runId = await startedRun(database.db, { userId, module, scenario });
		const run = (await findScenarioRun(database.db, userId, runId))!;
		const node = scenario.nodes[run.currentNode]!;
		if (!('choices' in node)) throw new Error('départ sans choix');
		await chooseScenarioOption(database.db, { userId, runId, nodeId: run.currentNode, choiceId: node.choices[0]!.id, idempotencyKey: randomUUID(), module, scenario, catalog, now });
		const criterionId = item.criteria[0]!;
		const append = (entries: Parameters<typeof appendEvidence>[3]) => withTransaction(database.db, (tx) => appendEvidence(tx, catalog, userId, entries, new Date()));
		const [observation] = await append([{ criterionId, source: 'observation', score: 0.5, situation: 'réelle', itemRef: 'obs', contentVersion: 'v', recordedBy: trainer }]);
		await append([{ criterionId, source: 'observation', score: 1, situation: 'réelle', itemRef: 'obs-corrigée', contentVersion: 'v', recordedBy: trainer, supersedes: observation }]);
		const [proof] = await append([{ criterionId, source: 'portfolio', score: 1, itemRef: 'lien', contentVersion: 'v', recordedBy: trainer }]);
		await append([{ criterionId, source: 'portfolio', score: 0, itemRef: 'retrait', contentVersion: 'v', recordedBy: trainer, supersedes: proof, withdraw: true }]);

		const basis = (await findActivityBasis(database.db, userId, [module.competenceId])).get(module.competenceId);
		expect(basis).toEqual({ quizAnswers: 1, scenarioDecisions: 1, observations: 1, proofs: 0 });
	});
});
