import { describe, expect, it } from 'vitest';
import { waitsOnlyForCompanyOpinion, withCompanyOpinion } from './company-opinion-requirement';
import type { ProgressMap } from './progress-view';

/** A map whose every criterion is démontré: ready for the evaluation on the criteria alone. */
const allDemonstrated = (): ProgressMap =>
	({ readyForEvaluation: true, levels: { training: 3, demonstrated: 3, total: 3 }, units: [{ id: 'u1', readyForEvaluation: true }, { id: 'u2', readyForEvaluation: true }] }) as unknown as ProgressMap;

describe('« prêt pour l’évaluation » and the company’s opinion', () => {
	it('a CQPM in training is not ready, unit by unit, until the opinion is received', () => {
		const missing = withCompanyOpinion(allDemonstrated(), { required: true, receivedAt: null });
		expect(missing.readyForEvaluation).toBe(false);
		expect(missing.units.map((u) => u.readyForEvaluation)).toEqual([false, false]);
		expect(waitsOnlyForCompanyOpinion(missing)).toBe(true);
		const received = withCompanyOpinion(allDemonstrated(), { required: true, receivedAt: new Date('2026-12-01') });
		expect(received.readyForEvaluation).toBe(true);
		expect(waitsOnlyForCompanyOpinion(received)).toBe(false);
	});
	it('a VAE or a titre professionnel does not need it, and an opinion never makes an unready map ready', () => {
		expect(withCompanyOpinion(allDemonstrated(), { required: false, receivedAt: null }).readyForEvaluation).toBe(true);
		const unready = { ...allDemonstrated(), readyForEvaluation: false, units: [{ id: 'u1', readyForEvaluation: false }] } as unknown as ProgressMap;
		expect(withCompanyOpinion(unready, { required: true, receivedAt: new Date() }).readyForEvaluation).toBe(false);
	});
});
