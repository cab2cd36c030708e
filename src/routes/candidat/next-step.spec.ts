import { describe, expect, it } from 'vitest';
import { nextStepOf, type NextStepInput } from './next-step';

const base: NextStepInput = {
	resume: null,
	firstModule: { number: '1', title: 'Contribuer à la veille', href: '/modules/tci/c1' },
	advised: { label: 'Quiz : Analyser le besoin', href: '/modules/tci/c3#quiz' },
	mapHref: '/candidat/progression/tci',
	anyActivity: false
};

describe('the next step on the candidate’s space', () => {
	it('starts the first module when nothing was done yet', () => {
		expect(nextStepOf(base)).toEqual({ kind: 'start', label: 'Commencer le module 1 : Contribuer à la veille', href: '/modules/tci/c1' });
	});

	it('resumes the last module while it is not acquired', () => {
		const resume = { title: 'Analyser le besoin', href: '/modules/tci/c3', acquired: false };
		expect(nextStepOf({ ...base, resume, anyActivity: true }).kind).toBe('resume');
		expect(nextStepOf({ ...base, resume: { ...resume, acquired: true }, anyActivity: true }).kind).toBe('advised');
	});

	it('falls back on the map when nothing is left to advise', () => {
		expect(nextStepOf({ ...base, advised: null, anyActivity: true })).toEqual({ kind: 'map', label: 'Voir ma carte de progression', href: '/candidat/progression/tci' });
	});
});
