import { describe, expect, it } from 'vitest';
import { checkContentFiles } from './check-content';
import { fixtureFiles, fixtureQuiz, fixtureReferentiel, fixtureScenario } from '../../../../tests/fixtures/content';

function problemsOf(overrides: Record<string, string | undefined>) {
	return checkContentFiles(fixtureFiles(overrides)).problems;
}

describe('content check', () => {
	it('accepts the valid fixture and counts coverage per criterion', () => {
		const report = checkContentFiles(fixtureFiles());
		expect(report.problems).toEqual([]);
		expect(report.coverage.find((row) => row.id === 'demo.c1.met1')).toMatchObject({ quizItems: 1, itemTypes: 1, scenarioChoices: 2 });
	});

	it('names the file and path of a schema error', () => {
		const problems = problemsOf({ 'referentiels/demo.yaml': fixtureReferentiel.replace('kind: critère', 'kind: souhait') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'referentiels/demo.yaml', path: 'units[0].competences[0].criteria[0].kind' }));
	});

	it('names the file and line of broken YAML', () => {
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': 'items:\n  - id: [unclosed\n' });
		expect(problems[0]).toMatchObject({ file: 'modules/demo/c1/quiz.yaml', path: expect.stringMatching(/^ligne \d+/) });
	});

	it('refuses a duplicate id', () => {
		const duplicated = fixtureQuiz.replace('id: demo.c1.q2', 'id: demo.c1.q1');
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': duplicated });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/quiz.yaml', path: 'items[1].id', message: expect.stringContaining('double') }));
	});

	it('refuses a dangling criterion id in a quiz item', () => {
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': fixtureQuiz.replace('criteria: [demo.c1.res1]', 'criteria: [demo.c1.res9]') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/quiz.yaml', path: 'items[1].criteria[0]', message: expect.stringContaining('demo.c1.res9') }));
	});

	it('refuses a dangling criterion id in a scenario choice', () => {
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': fixtureScenario.replace('effects: { demo.c1.met1: 0 }', 'effects: { demo.c9.met1: 0 }') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/scenarios/1.yaml', path: 'nodes.n1.choices[1].effects.demo.c9.met1' }));
	});

	it('refuses a quiz item with no criterion', () => {
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': fixtureQuiz.replace('criteria: [demo.c1.met1]', 'criteria: []') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/quiz.yaml', path: 'items[0].criteria', message: expect.stringContaining('au moins un critère') }));
	});

	it('refuses a scenario choice with no criterion', () => {
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': fixtureScenario.replace('effects: { demo.c1.met1: 1 }', 'effects: {}') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/scenarios/1.yaml', path: 'nodes.n1.choices[0].effects' }));
	});

	it('refuses a scenario node that cannot be reached', () => {
		const orphan = `${fixtureScenario}  orphelin:\n    text: Personne ne vient ici.\n    choices:\n      - { id: a, text: Fin, effects: { demo.c1.met1: 1 }, feedback: Ok., next: fin }\n`;
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': orphan });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/scenarios/1.yaml', path: 'nodes.orphelin', message: expect.stringContaining('inatteignable') }));
	});

	it('refuses a path that never ends', () => {
		const loop = fixtureScenario.replace('feedback: Dommage., next: fin', 'feedback: Dommage., next: n1');
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': loop });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/scenarios/1.yaml', path: 'nodes.n1', message: expect.stringContaining('sans fin') }));
	});

	it('refuses a choice leading to a node that does not exist', () => {
		const broken = fixtureScenario.replace('feedback: Bien., next: fin', 'feedback: Bien., next: nulle-part');
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': broken });
		expect(problems).toContainEqual(expect.objectContaining({ path: 'nodes.n1.choices[0].next' }));
	});

	it('refuses a criterion below its coverage floor', () => {
		const problems = problemsOf({ 'coverage.yaml': 'certifications:\n  demo: { quizItems: 2, itemTypes: 1, scenarioChoices: 1 }\n' });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'coverage.yaml', path: 'certifications.demo → demo.c1.res1', message: expect.stringContaining('1/2 items') }));
	});

	it('refuses a numeric item whose computation does not give its answer', () => {
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': fixtureQuiz.replace('answer: 10000', 'answer: 9600') });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c1/quiz.yaml', path: 'items[1].compute', message: expect.stringContaining('10000') }));
	});

	it('refuses a single-choice item with two right answers', () => {
		const problems = problemsOf({ 'modules/demo/c1/quiz.yaml': fixtureQuiz.replace('Baisser le prix, feedback', 'Baisser le prix, correct: true, feedback') });
		expect(problems).toContainEqual(expect.objectContaining({ path: 'items[0].choices' }));
	});

	it('refuses a module whose folder names no competence', () => {
		const problems = problemsOf({ 'modules/demo/c9/quiz.yaml': 'items: []\n' });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/demo/c9', message: expect.stringContaining('demo.c9') }));
	});

	it('refuses a debrief line with no text for a claim some path reaches, naming the path', () => {
		const scenario = fixtureScenario.replace(", manqué: Vous avez cédé sans traiter l'objection.", '');
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': scenario });
		expect(problems).toContainEqual(
			expect.objectContaining({ path: 'nodes.fin.ending.debrief.demo.c1.met1', message: expect.stringMatching(/n1\.b.*« manqué »/) })
		);
	});

	it('refuses a debrief line that makes no claim', () => {
		const scenario = fixtureScenario.replace(/debrief: \{ demo\.c1\.met1: \{[^}]*\} \}/, "debrief: { demo.c1.met1: Vous avez traité l'objection. }");
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': scenario });
		expect(problems).toContainEqual(expect.objectContaining({ path: 'nodes.fin.ending.debrief.demo.c1.met1', message: expect.stringContaining('sans affirmation') }));
	});

	it('refuses a debrief text for a claim no path reaches', () => {
		const scenario = fixtureScenario.replace('manqué: Vous avez cédé', 'partiel: Vous avez à moitié traité, manqué: Vous avez cédé');
		const problems = problemsOf({ 'modules/demo/c1/scenarios/1.yaml': scenario });
		expect(problems).toContainEqual(expect.objectContaining({ path: 'nodes.fin.ending.debrief.demo.c1.met1.partiel', message: expect.stringContaining('jamais lu') }));
	});

	it('refuses a module whose keys betray themselves by their length, per the ceilings', () => {
		const ceilings = (value: number) => `{ singleLongest: ${value}, singleShortest: 1, multipleLonger: 1, scenarioLongest: 1, scenarioShortest: 1 }`;
		const coverage = `guessability:\n  demo:\n    certification: ${ceilings(1)}\n    module: ${ceilings(0.5)}\n`;
		const problems = problemsOf({ 'coverage.yaml': coverage });
		expect(problems).toContainEqual(expect.objectContaining({ file: 'coverage.yaml', path: 'guessability.demo.module → demo.c1.singleLongest', message: expect.stringContaining('100,0 %') }));
		expect(problemsOf({ 'coverage.yaml': coverage.replace(ceilings(0.5), ceilings(1)) })).toEqual([]);
	});

	it('reports the guessability figures per certification and module', () => {
		const report = checkContentFiles(fixtureFiles());
		expect(report.guessability.certifications.demo).toMatchObject({ singleItems: 1, singleLongest: 1, singleShortest: 0 });
		expect(report.guessability.modules['demo.c1']).toMatchObject({ scenarioNodes: 1 });
	});
});
