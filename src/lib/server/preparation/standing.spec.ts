import { describe, expect, it } from 'vitest';
import { standingOf } from './standing';

const at = new Date('2026-12-01T10:00:00Z');

describe('preparation standing', () => {
	it('is not started with no answer, in progress with a wrong latest answer, known when every rule is right', () => {
		expect(standingOf('tci', ['q1', 'q2'], [])).toMatchObject({ status: 'pas commencé', answered: 0, right: 0, total: 2 });
		expect(standingOf('tci', ['q1', 'q2'], [{ itemId: 'q1', score: 1, at }, { itemId: 'q2', score: 0.5, at }])).toMatchObject({ status: 'en cours', right: 1, answered: 2 });
		expect(standingOf('tci', ['q1', 'q2'], [{ itemId: 'q1', score: 1, at }, { itemId: 'q2', score: 1, at }])).toMatchObject({ status: 'règles connues', right: 2 });
	});

	it('ignores answers to items no longer in the quiz', () => {
		expect(standingOf('tci', ['q1'], [{ itemId: 'q9', score: 1, at }])).toMatchObject({ status: 'pas commencé', answered: 0 });
	});
});
