import { describe, expect, it } from 'vitest';
import { EXAMPLE_MAX, parsePositioningForm } from './positioning';

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('parsePositioningForm', () => {
	it('keeps the answered criteria, skips the unanswered ones', () => {
		const result = parsePositioningForm(form({ 'answer-a': 'oui', 'example-a': '  Offre Tornalis ', 'answer-b': 'non' }), ['a', 'b', 'c']);
		expect(result.entries).toEqual([
			{ criterionId: 'a', answer: 'oui', example: 'Offre Tornalis' },
			{ criterionId: 'b', answer: 'non', example: null }
		]);
		expect(result.errors).toEqual({});
	});

	it('an example too long or without an answer is an error beside its criterion, text kept', () => {
		const long = 'x'.repeat(EXAMPLE_MAX + 1);
		const result = parsePositioningForm(form({ 'answer-a': 'oui', 'example-a': long, 'example-b': 'exemple' }), ['a', 'b']);
		expect(Object.keys(result.errors)).toEqual(['a', 'b']);
		expect(result.values.a!.example).toBe(long);
		expect(result.entries).toEqual([]);
	});

	it('an unknown answer is refused', () => {
		expect(parsePositioningForm(form({ 'answer-a': 'peut-être' }), ['a']).errors.a).toBeDefined();
	});
});
