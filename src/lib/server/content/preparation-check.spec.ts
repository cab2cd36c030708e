import { describe, expect, it } from 'vitest';
import { checkContentFiles } from './check-content';
import { fixtureFiles } from '../../../../tests/fixtures/content';

const questions = (body: string) => ({ 'modules/demo/c1/questions.yaml': body });
const question = (id: string, criteria: string) => `
  - id: ${id}
    criteria: [${criteria}]
    question: Comment avez-vous traité la dernière objection de prix ?
    points:
      - L'objection est reformulée.
      - Une contrepartie est obtenue.`;

const preparationLesson = `---
preparation: demo.prep
title: Préparer l'évaluation
---

Introduction.

## Qui évalue

La commission d'évaluation.
`;
const preparationQuiz = `
items:
  - id: demo.prep.q1
    type: single
    prompt: Qui évalue le candidat ?
    choices:
      - { id: a, text: La commission d'évaluation, correct: true, feedback: Oui. }
      - { id: b, text: Le formateur du centre seul, feedback: Non. }
      - { id: c, text: Le client final de l'entreprise, feedback: Non. }
`;
const preparation = (lesson = preparationLesson, quiz = preparationQuiz) => ({ 'preparation/demo/lesson.md': lesson, 'preparation/demo/quiz.yaml': quiz });
const withConfig = (extra: string) => ({ 'coverage.yaml': `default: { quizItems: 0, itemTypes: 0, scenarioChoices: 0 }\n${extra}` });
const problemsOf = (overrides: Record<string, string | undefined>) => checkContentFiles(fixtureFiles(overrides)).problems;

describe('commission questions in the content check', () => {
	it('loads valid questions and keeps them apart from the module version', () => {
		const plain = checkContentFiles(fixtureFiles());
		const report = checkContentFiles(fixtureFiles(questions(`questions:${question('demo.c1.o1', 'demo.c1.met1')}`)));
		expect(report.problems).toEqual([]);
		expect(report.catalog.questions.get('demo.c1')).toHaveLength(1);
		expect(report.catalog.modules[0]!.contentVersion).toBe(plain.catalog.modules[0]!.contentVersion);
	});

	it('refuses an id outside the competence, a criterion of another competence and a duplicate', () => {
		const problems = problemsOf(questions(`questions:${question('demo.c2.o1', 'demo.c1.met1')}${question('demo.c1.o2', 'autre.c1.met1')}${question('demo.c1.o2', 'demo.c1.res1')}`));
		expect(problems).toContainEqual(expect.objectContaining({ path: 'questions[0].id', message: expect.stringContaining('demo.c1.o<n>') }));
		expect(problems).toContainEqual(expect.objectContaining({ path: 'questions[1].criteria[0]', message: expect.stringContaining('inconnu') }));
		expect(problems).toContainEqual(expect.objectContaining({ path: 'questions[2].id', message: expect.stringContaining('double') }));
	});

	it('refuses a question with fewer than two points or no criterion', () => {
		const problems = problemsOf(questions('questions:\n  - { id: demo.c1.o1, criteria: [], question: Pourquoi ?, points: [Une seule] }\n'));
		expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['questions[0].criteria', 'questions[0].points']));
	});

	it('enforces the floor of questions per competence', () => {
		const problems = problemsOf({ ...withConfig('questions: 2\n'), ...questions(`questions:${question('demo.c1.o1', 'demo.c1.met1')}`) });
		expect(problems).toContainEqual(expect.objectContaining({ path: 'questions → demo.c1', message: expect.stringContaining('1/2') }));
	});
});

describe('preparation modules in the content check', () => {
	it('loads a lesson and a quiz with no criterion', () => {
		const report = checkContentFiles(fixtureFiles(preparation()));
		expect(report.problems).toEqual([]);
		expect(report.catalog.preparations).toMatchObject([{ id: 'demo.prep', certificationId: 'demo', quiz: [{ id: 'demo.prep.q1', criteria: [] }] }]);
	});

	it('refuses an item naming a criterion, a badly formed id and a lesson section tied to a criterion', () => {
		const quiz = preparationQuiz.replace('id: demo.prep.q1', 'id: demo.c1.q9').replace('type: single', 'type: single\n    criteria: [demo.c1.met1]');
		const lesson = preparationLesson.replace('## Qui évalue', '## Qui évalue {#demo.c1.met1}');
		const problems = problemsOf(preparation(lesson, quiz));
		expect(problems).toContainEqual(expect.objectContaining({ file: 'preparation/demo/quiz.yaml', path: 'items[0].id' }));
		expect(problems).toContainEqual(expect.objectContaining({ file: 'preparation/demo/quiz.yaml', path: 'items[0].criteria' }));
		const withSection = problemsOf(preparation(lesson));
		expect(withSection).toContainEqual(expect.objectContaining({ file: 'preparation/demo/lesson.md', message: expect.stringContaining('aucun critère') }));
	});

	it('requires one preparation per certification when the floor says so', () => {
		expect(problemsOf(withConfig('preparation: 1\n'))).toContainEqual(expect.objectContaining({ path: 'preparation → demo' }));
		expect(problemsOf({ ...withConfig('preparation: 1\n'), ...preparation() })).toEqual([]);
	});

	it('holds the preparation quiz to the guessability ceilings of a module', () => {
		const betrayed = preparationQuiz.replace("text: La commission d'évaluation,", "text: La commission d'évaluation désignée par l'UIMM territoriale pour ce CQPM,");
		const ceilings = `guessability:\n  demo:\n    certification: { singleLongest: 1 }\n    module: { singleLongest: 0.5 }\n`;
		expect(problemsOf({ ...withConfig(ceilings), ...preparation(preparationLesson, betrayed) })).toContainEqual(
			expect.objectContaining({ path: 'guessability.demo.module → demo.prep.singleLongest' })
		);
		expect(problemsOf({ ...withConfig(ceilings), ...preparation() }).filter((problem) => problem.path.includes('demo.prep'))).toEqual([]);
	});
});
