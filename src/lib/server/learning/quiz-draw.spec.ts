import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../content/types';
import { drawAdaptiveQuiz } from './quiz-draw';

const item = (id: string, criterion: string): QuizItem => ({
	id,
	type: 'single',
	criteria: [criterion],
	prompt: id,
	choices: [{ id: 'a', text: 'a', correct: true, feedback: 'f' }]
});
const items = [item('q1', 'weak'), item('q2', 'strong'), item('q3', 'weak'), item('q4', 'new'), item('q5', 'strong')];
const now = new Date('2026-11-22T12:00:00Z');
const noRandom = () => 0;

describe('drawAdaptiveQuiz', () => {
	it('favours the criteria where the candidate is weakest', () => {
		const mastery = new Map([['weak', 0.2], ['strong', 0.95], ['new', 0.3]]);
		const drawn = drawAdaptiveQuiz(items, { mastery, lastSeen: new Map(), now, random: noRandom }, 2);
		expect(drawn).toEqual(['q1', 'q4']);
	});

	it('puts items seen in the last days after the others', () => {
		const mastery = new Map([['weak', 0.2], ['strong', 0.2], ['new', 0.2]]);
		const lastSeen = new Map([['q1', new Date(now.getTime() - 3_600_000)]]);
		const drawn = drawAdaptiveQuiz(items, { mastery, lastSeen, now, random: noRandom }, 3);
		expect(drawn).not.toContain('q1');
	});

	it('never draws the same item twice and never more than there are', () => {
		const drawn = drawAdaptiveQuiz(items, { mastery: new Map(), lastSeen: new Map(), now, random: Math.random }, 10);
		expect(new Set(drawn).size).toBe(drawn.length);
		expect(drawn).toHaveLength(items.length);
	});
});
