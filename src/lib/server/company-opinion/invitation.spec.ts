import { describe, expect, it } from 'vitest';
import { invitationState, isOpen, isRevocable, needsCompanyOpinion, parseInvitationForm } from './invitation';

const NOW = new Date('2026-12-01T12:00:00Z');
const facts = (overrides: Partial<Parameters<typeof invitationState>[0]> = {}) => ({ expiresAt: new Date('2026-12-31T12:00:00Z'), revokedAt: null, signedAt: null, hasDraft: false, ...overrides });

describe('the invitation state machine', () => {
	it('is « en attente », then « brouillon » once a draft exists, both open', () => {
		expect(invitationState(facts(), NOW)).toBe('en attente');
		expect(invitationState(facts({ hasDraft: true }), NOW)).toBe('brouillon');
		expect(isOpen('en attente') && isOpen('brouillon')).toBe(true);
	});
	it('signed, revoked and expired are final and closed; signed wins over the clock', () => {
		expect(invitationState(facts({ signedAt: NOW, expiresAt: new Date('2026-01-01') }), NOW)).toBe('signée');
		expect(invitationState(facts({ revokedAt: NOW, hasDraft: true }), NOW)).toBe('révoquée');
		expect(invitationState(facts({ expiresAt: NOW, hasDraft: true }), NOW)).toBe('expirée');
		for (const state of ['signée', 'révoquée', 'expirée'] as const) expect([isOpen(state), isRevocable(state)]).toEqual([false, false]);
	});
	it('only a CQPM on the formation pathway asks for the company’s opinion', () => {
		expect(needsCompanyOpinion('CQPM', 'formation')).toBe(true);
		expect(needsCompanyOpinion('CQPM', 'vae')).toBe(false);
		expect(needsCompanyOpinion('Titre professionnel', 'formation')).toBe(false);
	});
	it('an invitation needs a name and a valid e-mail, with the typed values kept', () => {
		const bad = parseInvitationForm({ get: (n: string) => ({ tutorName: ' ', tutorEmail: 'pas-une-adresse' })[n] });
		expect(bad).toMatchObject({ ok: false, values: { tutorEmail: 'pas-une-adresse' } });
		if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['tutorEmail', 'tutorName']);
		expect(parseInvitationForm({ get: (n: string) => ({ tutorName: 'Marc', tutorEmail: 'Marc@Entreprise.fr' })[n] })).toEqual({ ok: true, value: { tutorName: 'Marc', tutorEmail: 'marc@entreprise.fr' } });
	});
});
