import { describe, expect, it } from 'vitest';
import { formatFrenchNumber, parseFrenchNumber } from './numbers';

describe('parseFrenchNumber', () => {
	it.each([
		['1 234,5 €', 1234.5],
		['12.5', 12.5],
		['12,5 %', 12.5],
		['10 000', 10000],
		['10\u202f000 €', 10000],
		['1.234,5', 1234.5],
		['-3,2', -3.2],
		['0,75', 0.75],
		['  42  ', 42],
		['1500 euros', 1500],
		['8000 € HT', 8000]
	])('reads %j as %d', (text, expected) => {
		expect(parseFrenchNumber(text)).toBe(expected);
	});

	it.each(['', 'douze', '12,5,3', '1 2 3 abc 4', '--3', '12e3'])('refuses %j', (text) => {
		expect(parseFrenchNumber(text)).toBeNull();
	});

	it('formats numbers the French way', () => {
		expect(formatFrenchNumber(10000).replace(/\s/g, ' ')).toBe('10 000');
		expect(formatFrenchNumber(12.5)).toBe('12,5');
	});
});
