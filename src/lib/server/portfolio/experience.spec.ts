import { describe, expect, it } from 'vitest';
import { justificationError, parseExperienceForm, reviewReasonError } from './experience';

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const valid = { title: 'Chargé d’affaires', context: 'PME de mécanique', role: 'Technico-commercial', startDate: '2018-03-01', endDate: '2022-06-30', activities: 'Offres', results: '12 affaires' };

describe('parseExperienceForm', () => {
	it('accepts a dated experience, or one dated by a duration band', () => {
		expect(parseExperienceForm(form(valid), '2026-12-01').ok).toBe(true);
		const banded = parseExperienceForm(form({ ...valid, startDate: '', endDate: '', durationBand: 'plus-5' }), '2026-12-01');
		expect(banded).toMatchObject({ ok: true, value: { durationBand: 'plus-5', startDate: null } });
	});

	it('refuses an end before the start, beside the end date, keeping what was typed', () => {
		const result = parseExperienceForm(form({ ...valid, endDate: '2017-01-01' }), '2026-12-01');
		expect(result).toMatchObject({ ok: false, errors: { endDate: 'La date de fin est avant la date de début.' }, values: { title: valid.title } });
	});

	it('refuses a text over its limit with the count typed, and an undated experience', () => {
		const result = parseExperienceForm(form({ ...valid, title: 'x'.repeat(121), startDate: '', endDate: '' }), '2026-12-01');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.title).toContain('121 saisis');
		expect(result.errors.startDate).toContain('choisissez une durée');
	});

	it('refuses an impossible date', () => {
		const result = parseExperienceForm(form({ ...valid, startDate: '2023-02-30' }), '2026-12-01');
		expect(result.ok).toBe(false);
	});
});

describe('justifications and reviews', () => {
	it('a justification is one line within its limit', () => {
		expect(justificationError('')).not.toBeNull();
		expect(justificationError('a\nb')).not.toBeNull();
		expect(justificationError('x'.repeat(301))).toContain('301');
		expect(justificationError('J’ai chiffré 40 offres.')).toBeNull();
	});
	it('« à compléter » needs a reason, « validée » does not', () => {
		expect(reviewReasonError('à compléter', '')).not.toBeNull();
		expect(reviewReasonError('validée', '')).toBeNull();
	});
});
