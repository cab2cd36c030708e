import { describe, expect, it } from 'vitest';
import { addDays, formatDay, parseIsoDay, todayInFrance } from './days';

describe('calendar days', () => {
	it('today is the day in France', () => {
		expect(todayInFrance(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
		expect(todayInFrance(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
	});
	it('only real days are read', () => {
		expect(parseIsoDay('2027-02-28')).toBe('2027-02-28');
		expect(parseIsoDay('2027-02-29')).toBeNull();
		expect(parseIsoDay('12/03/2027')).toBeNull();
		expect(parseIsoDay('')).toBeNull();
	});
	it('adds days across months and formats in French', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
		expect(formatDay('2027-03-12')).toBe('12 mars 2027');
	});
});
