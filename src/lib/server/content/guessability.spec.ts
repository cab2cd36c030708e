import { describe, expect, it } from 'vitest';
import { measureGuessability } from './guessability';
import type { Module, QuizItem } from './types';

const choice = (text: string, correct = false) => ({ id: text, text, correct, feedback: 'ok' });
const single = (choices: ReturnType<typeof choice>[]): QuizItem => ({ id: 'demo.c1.q1', type: 'single', criteria: ['demo.c1.met1'], prompt: 'Q', choices });
const multiple = (choices: ReturnType<typeof choice>[]): QuizItem => ({ id: 'demo.c1.q2', type: 'multiple', criteria: ['demo.c1.met1'], prompt: 'Q', choices });
const moduleWith = (quiz: QuizItem[], scenarios: Module['scenarios'] = []): Module => ({ competenceId: 'demo.c1', certificationId: 'demo', slug: 'c1', lesson: null, quiz, scenarios, contentVersion: 'x' });

describe('guessability', () => {
	it('counts a key strictly longest or shortest, ties as a share, whitespace collapsed', () => {
		const longest = single([choice('une réponse longue', true), choice('court'), choice('moyen ici')]);
		const tied = single([choice('aaaa', true), choice('bbbb'), choice('c')]);
		const spaced = single([choice('a    b', true), choice('abc')]);
		const figures = measureGuessability([moduleWith([longest, tied, spaced])]);
		expect(figures.singleLongest).toBeCloseTo((1 + 0.5 + 0.5) / 3);
		// « a b » and « abc » have the same visible length once whitespace is collapsed.
		expect(figures.singleShortest).toBeCloseTo((0 + 0 + 0.5) / 3);
	});

	it('gives the probability that a right option is longer than a distractor', () => {
		const item = multiple([choice('long long', true), choice('xx', true), choice('moyen'), choice('xx')]);
		// Pairs: (9,5)=1 (9,2)=1 (2,5)=0 (2,2)=0.5.
		expect(measureGuessability([moduleWith([item])]).multipleLonger).toBeCloseTo(2.5 / 4);
	});

	it('finds the best scenario choice by its total effect', () => {
		const scenario = {
			id: 'demo.c1.s1', title: 'T', summary: 'S', context: 'C', start: 'n1', file: 'f',
			nodes: {
				n1: { text: 'N', choices: [
					{ id: 'a', text: 'court', effects: { x: 1, y: 1 }, feedback: 'f', next: 'fin' },
					{ id: 'b', text: 'un choix bien plus long', effects: { x: 1, y: 0 }, feedback: 'f', next: 'fin' }
				] },
				fin: { ending: { title: 'F', outcome: 'réussite' as const, text: 'T', debrief: {} } }
			}
		};
		const figures = measureGuessability([moduleWith([], [scenario])]);
		expect(figures).toMatchObject({ scenarioNodes: 1, scenarioLongest: 0, scenarioShortest: 1 });
	});
});
