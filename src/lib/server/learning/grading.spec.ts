import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../content/types';
import { attemptDraw } from './attempt-draw';
import { itemScopes } from './draw-scopes';
import { gradeResponse, parseResponse, type FormFields } from './grading';

const base = { criteria: ['demo.c1.met1'], prompt: 'Question' };
const choice = (id: string, correct = false) => ({ id, text: id, correct, feedback: 'ok' });
const single: QuizItem = { ...base, id: 'demo.c1.q1', type: 'single', choices: [choice('a', true), choice('b'), choice('c')] };
const multiple: QuizItem = { ...base, id: 'demo.c1.q2', type: 'multiple', choices: [choice('a', true), choice('b', true), choice('c'), choice('d')] };
const numeric: QuizItem = { ...base, id: 'demo.c1.q3', type: 'numeric', answer: 10000, tolerance: 1, unit: '€', feedback: { correct: 'oui', incorrect: 'non' } };
const ordering: QuizItem = { ...base, id: 'demo.c1.q4', type: 'ordering', steps: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }, { id: 'd', text: 'D' }], feedback: { correct: 'oui', incorrect: 'non' } };
const matching: QuizItem = { ...base, id: 'demo.c1.q5', type: 'matching', pairs: [{ id: 'a', left: '1', right: 'un' }, { id: 'b', left: '2', right: 'deux' }, { id: 'c', left: '3', right: 'trois' }, { id: 'd', left: '4', right: 'quatre' }], feedback: { correct: 'oui', incorrect: 'non' } };

const draw = attemptDraw('graine-de-test');

/**
 * The form the page would post, written with content ids for readability and translated to
 * the session's tokens the way QuizQuestion.svelte names its inputs.
 */
function form(item: QuizItem, fields: Record<string, string | string[]>): FormFields {
	const scopes = itemScopes(item);
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) {
			if (name === 'choice') data.append(name, draw.token(scopes.options, v));
			else if (name.startsWith('position-')) data.append(`position-${draw.token(scopes.options, name.slice(9))}`, v);
			else if (name.startsWith('match-')) data.append(`match-${draw.token(scopes.left, name.slice(6))}`, draw.token(scopes.right, v));
			else data.append(name, v);
		}
	}
	return data;
}

function grade(item: QuizItem, fields: Record<string, string | string[]>): number {
	const parsed = parseResponse(item, form(item, fields), draw);
	if (!parsed.ok) throw new Error(parsed.message);
	return gradeResponse(item, parsed.response);
}

describe('grading', () => {
	it('single choice: right or wrong', () => {
		expect(grade(single, { choice: 'a' })).toBe(1);
		expect(grade(single, { choice: 'b' })).toBe(0);
	});

	it('multiple choice: partial credit, wrong picks subtract, never below 0', () => {
		expect(grade(multiple, { choice: ['a', 'b'] })).toBe(1);
		expect(grade(multiple, { choice: ['a'] })).toBe(0.5);
		expect(grade(multiple, { choice: ['a', 'c'] })).toBe(0);
		expect(grade(multiple, { choice: ['c', 'd'] })).toBe(0);
		expect(grade(multiple, { choice: ['a', 'b', 'c'] })).toBe(0.5);
		expect(grade(multiple, { choice: ['a', 'b', 'c', 'd'] })).toBe(0);
	});

	it('numeric: within tolerance, French notation accepted', () => {
		expect(grade(numeric, { value: '10 000 €' })).toBe(1);
		expect(grade(numeric, { value: '10000,9' })).toBe(1);
		expect(grade(numeric, { value: '9 998' })).toBe(0);
	});

	it('ordering: full credit only in the right order, partial for adjacent pairs', () => {
		expect(grade(ordering, { 'position-a': '1', 'position-b': '2', 'position-c': '3', 'position-d': '4' })).toBe(1);
		expect(grade(ordering, { 'position-a': '2', 'position-b': '1', 'position-c': '3', 'position-d': '4' })).toBeCloseTo(2 / 3);
		expect(grade(ordering, { 'position-a': '4', 'position-b': '3', 'position-c': '2', 'position-d': '1' })).toBe(0);
	});

	it('matching: share of right associations', () => {
		expect(grade(matching, { 'match-a': 'a', 'match-b': 'b', 'match-c': 'c', 'match-d': 'd' })).toBe(1);
		expect(grade(matching, { 'match-a': 'b', 'match-b': 'a', 'match-c': 'c', 'match-d': 'd' })).toBe(0.5);
	});

	it('refuses incomplete or malformed answers with a French message', () => {
		const parse = (item: QuizItem, fields: Record<string, string | string[]>) => parseResponse(item, form(item, fields), draw);
		expect(parse(single, {})).toEqual({ ok: false, message: 'Choisissez une réponse.' });
		expect(parse(multiple, { choice: 'z' })).toMatchObject({ ok: false });
		expect(parse(numeric, { value: 'dix mille' })).toMatchObject({ ok: false, message: expect.stringContaining('n\'est pas un nombre') });
		expect(parse(ordering, { 'position-a': '1', 'position-b': '1', 'position-c': '3', 'position-d': '4' })).toMatchObject({ ok: false, message: expect.stringContaining('une seule étape') });
		expect(parse(matching, { 'match-a': 'a' })).toMatchObject({ ok: false });
	});

	it('refuses content ids posted instead of the session’s tokens', () => {
		const raw = new FormData();
		raw.append('choice', 'a');
		expect(parseResponse(single, raw, draw)).toMatchObject({ ok: false });
		const rawMatch = new FormData();
		for (const id of ['a', 'b', 'c', 'd']) rawMatch.append(`match-${draw.token(itemScopes(matching).left, id)}`, id);
		expect(parseResponse(matching, rawMatch, draw)).toMatchObject({ ok: false });
	});

	it('echoes a very long entry shortened in its error message', () => {
		const parsed = parseResponse(numeric, form(numeric, { value: '9'.repeat(400) + 'x' }), draw);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message.length).toBeLessThan(120);
	});
});
