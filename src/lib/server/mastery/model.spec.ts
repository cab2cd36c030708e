import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvidence, emptySummary, masteryOf, SOURCE_WEIGHTS, summarise, type EvidenceInput, type EvidenceSource } from './model';

const NOW = new Date('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const sources: EvidenceSource[] = ['quiz', 'scenario', 'observation', 'portfolio', 'self'];

const evidenceArbitrary = fc.record({
	source: fc.constantFrom(...sources),
	score: fc.double({ min: 0, max: 1, noNaN: true }),
	daysAgo: fc.integer({ min: 0, max: 720 }),
	viaEquivalence: fc.boolean()
}).map(({ source, score, daysAgo, viaEquivalence }): EvidenceInput => ({
	source,
	score,
	weight: SOURCE_WEIGHTS[source],
	at: new Date(NOW.getTime() - daysAgo * DAY),
	viaEquivalence
}));

const evidence = (source: EvidenceSource, score: number, daysAgo = 0): EvidenceInput => ({
	source,
	score,
	weight: SOURCE_WEIGHTS[source],
	at: new Date(NOW.getTime() - daysAgo * DAY)
});

describe('mastery model', () => {
	it('keeps mastery within [0, 1] whatever the evidence', () => {
		fc.assert(
			fc.property(fc.array(evidenceArbitrary, { maxLength: 60 }), (history) => {
				const mastery = masteryOf(summarise(history, new Date(0)), NOW);
				expect(mastery.estimate).toBeGreaterThanOrEqual(0);
				expect(mastery.estimate).toBeLessThanOrEqual(1);
				expect(mastery.uncertainty).toBeGreaterThanOrEqual(0);
			})
		);
	});

	it('never lowers mastery when a correct answer is added', () => {
		fc.assert(
			fc.property(fc.array(evidenceArbitrary, { minLength: 1, maxLength: 40 }), fc.constantFrom<EvidenceSource>('quiz', 'scenario', 'observation'), (history, source) => {
				const before = masteryOf(summarise(history, new Date(0)), NOW).estimate;
				const after = masteryOf(addEvidence(summarise(history, new Date(0)), evidence(source, 1)), NOW).estimate;
				expect(after).toBeGreaterThanOrEqual(before - 1e-12);
			})
		);
	});

	it('gives the same summary whatever the order the evidence arrives in', () => {
		fc.assert(
			fc.property(fc.array(evidenceArbitrary, { maxLength: 30 }), (history) => {
				const forward = masteryOf(summarise(history, new Date(0)), NOW);
				const backward = masteryOf(summarise([...history].reverse(), new Date(0)), NOW);
				expect(backward.estimate).toBeCloseTo(forward.estimate, 9);
				expect(backward.status).toBe(forward.status);
			})
		);
	});

	it('counts older evidence less than recent evidence', () => {
		const base = [evidence('quiz', 0, 0), evidence('quiz', 0, 0)];
		const recentSuccess = masteryOf(summarise([...base, evidence('scenario', 1, 0)], new Date(0)), NOW).estimate;
		const oldSuccess = masteryOf(summarise([...base, evidence('scenario', 1, 400)], new Date(0)), NOW).estimate;
		expect(recentSuccess).toBeGreaterThan(oldSuccess);
	});

	it('weighs applied evidence more than recall questions', () => {
		const failing = [evidence('quiz', 0), evidence('quiz', 0)];
		const withQuiz = masteryOf(summarise([...failing, evidence('quiz', 1)], new Date(0)), NOW).estimate;
		const withScenario = masteryOf(summarise([...failing, evidence('scenario', 1)], new Date(0)), NOW).estimate;
		expect(withScenario).toBeGreaterThan(withQuiz);
	});

	it('never makes a criterion acquired on a single correct answer, of any kind', () => {
		for (const source of ['quiz', 'scenario', 'observation', 'portfolio'] as const) {
			expect(masteryOf(summarise([evidence(source, 1)], new Date(0)), NOW).status).not.toBe('acquis');
		}
	});

	it('never makes a criterion acquired on self-positioning alone', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (ratings) => {
				const mastery = masteryOf(summarise(ratings.map((score) => evidence('self', score)), new Date(0)), NOW);
				expect(mastery.status).toBe('non évalué');
				expect(mastery.selfRating).not.toBeNull();
			})
		);
	});

	it('a criterion is acquired only with applied evidence', () => {
		const quizOnly = Array.from({ length: 10 }, () => evidence('quiz', 1));
		expect(masteryOf(summarise(quizOnly, new Date(0)), NOW).status).toBe('à consolider');
		expect(masteryOf(summarise([...quizOnly, evidence('scenario', 1)], new Date(0)), NOW).status).toBe('acquis');
	});

	it('counts evidence on an equivalent criterion with less weight', () => {
		const direct = masteryOf(summarise([evidence('scenario', 1)], new Date(0)), NOW);
		const equivalent = masteryOf(summarise([{ ...evidence('scenario', 1), viaEquivalence: true }], new Date(0)), NOW);
		expect(equivalent.estimate).toBeGreaterThan(0.5);
		expect(equivalent.estimate).toBeLessThan(direct.estimate);
	});

	it('says why a criterion is not yet acquired', () => {
		const mastery = masteryOf(summarise([evidence('quiz', 1)], new Date(0)), NOW);
		expect(mastery.reasons.join(' ')).toMatch(/mise en situation/);
		expect(masteryOf(emptySummary(NOW), NOW).status).toBe('non évalué');
	});
});
