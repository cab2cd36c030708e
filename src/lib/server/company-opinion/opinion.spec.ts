import { describe, expect, it } from 'vitest';
import { parseOpinionForm } from './opinion';

const ids = ['tci.c1', 'tci.c2'];
const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const signed = { 'verdict-tci.c1': 'favorable', 'verdict-tci.c2': 'réservé', 'comment-tci.c2': 'À accompagner.', signerName: 'Marc', signerRole: 'Tuteur', signerCompany: 'PME', signedOn: '2026-11-30', confirm: 'oui' };

describe('the tutor’s opinion form', () => {
	it('a draft may leave everything empty', () => {
		expect(parseOpinionForm(form({}), ids, 'draft', '2026-12-01')).toMatchObject({ ok: true, value: { signedOn: null, entries: [{ verdict: null }, { verdict: null }] } });
	});
	it('a signature needs every competence, a reason for « réservé », the whole signature and the confirmation', () => {
		const result = parseOpinionForm(form({ 'verdict-tci.c2': 'réservé' }), ids, 'sign', '2026-12-01');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['comment-tci.c2', 'confirm', 'signedOn', 'signerCompany', 'signerName', 'signerRole', 'verdict-tci.c1'].sort());
		expect(result.values.entries['tci.c2']).toEqual({ verdict: 'réservé', comment: '' });
		expect(parseOpinionForm(form(signed), ids, 'sign', '2026-12-01').ok).toBe(true);
	});
	it('refuses an unknown verdict, a future date and an over-long comment, even in a draft', () => {
		const result = parseOpinionForm(form({ 'verdict-tci.c1': 'excellent', 'comment-tci.c1': 'x'.repeat(1501), signedOn: '2026-12-02' }), ids, 'draft', '2026-12-01');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['comment-tci.c1', 'signedOn', 'verdict-tci.c1']);
	});
});
