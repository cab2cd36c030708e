import { describe, expect, it } from 'vitest';
import { addEvidence, emptySummary, SOURCE_WEIGHTS, type CriterionSummary, type EvidenceInput } from '../mastery/model';
import { classifyCriterion, contradicts, countClasses, reachOf, trainingEstimate, type GapClass } from './gaps';

const NOW = new Date('2026-11-30T10:00:00Z');
const ev = (source: EvidenceInput['source'], score: number): EvidenceInput => ({ source, score, weight: SOURCE_WEIGHTS[source], at: NOW });
const summaryOf = (...evidence: EvidenceInput[]): CriterionSummary => evidence.reduce(addEvidence, emptySummary(NOW));
const proofs = (n: number) => Array.from({ length: n }, () => ev('portfolio', 1));
const quiz = (right: number, wrong: number) => [...Array.from({ length: right }, () => ev('quiz', 1)), ...Array.from({ length: wrong }, () => ev('quiz', 0))];

describe('classifyCriterion', () => {
	it('three validated proofs alone are « prouvé », whatever the positioning', () => {
		expect(classifyCriterion(summaryOf(...proofs(3)), 'oui', NOW)).toBe('prouvé');
		expect(classifyCriterion(summaryOf(...proofs(3)), null, NOW)).toBe('prouvé');
		expect(classifyCriterion(summaryOf(...proofs(3)), 'non', NOW)).toBe('prouvé');
	});

	it('one or two validated proofs alone leave a claimed criterion « à prouver »', () => {
		expect(classifyCriterion(summaryOf(...proofs(1)), 'oui', NOW)).toBe('à prouver');
		expect(classifyCriterion(summaryOf(...proofs(2)), 'partiellement', NOW)).toBe('à prouver');
	});

	it('proofs reaching « démontré » despite one wrong quiz answer are « prouvé »', () => {
		expect(classifyCriterion(summaryOf(...proofs(4), ...quiz(0, 1)), 'oui', NOW)).toBe('prouvé');
	});

	it('one validated proof with mostly wrong quiz answers is « à consolider »', () => {
		const summary = summaryOf(...proofs(1), ...quiz(1, 4));
		expect(trainingEstimate(summary, NOW)!.estimate).toBeLessThan(0.5);
		expect(classifyCriterion(summary, 'oui', NOW)).toBe('à consolider');
	});

	it('wrong answers of a weight under 4 do not contradict yet', () => {
		expect(contradicts(trainingEstimate(summaryOf(...quiz(0, 3)), NOW))).toBe(false);
		expect(classifyCriterion(summaryOf(...quiz(0, 3)), 'oui', NOW)).toBe('à prouver');
		expect(classifyCriterion(summaryOf(...quiz(0, 4)), 'oui', NOW)).toBe('à consolider');
	});

	it('decay counts: old wrong answers lose the weight that made a contradiction', () => {
		const old = summaryOf(...quiz(0, 5).map((e) => ({ ...e, at: new Date('2025-11-30T10:00:00Z') })));
		expect(classifyCriterion(old, 'oui', NOW)).toBe('à prouver');
	});

	it('« non » is « à acquérir » even with wrong answers; nothing is « non positionné »', () => {
		expect(classifyCriterion(summaryOf(...quiz(0, 6)), 'non', NOW)).toBe('à acquérir');
		expect(classifyCriterion(null, 'non', NOW)).toBe('à acquérir');
		expect(classifyCriterion(null, null, NOW)).toBe('non positionné');
		expect(classifyCriterion(summaryOf(...quiz(5, 0)), null, NOW)).toBe('non positionné');
	});
});

describe('reachOf', () => {
	const competence = (title: string, classes: GapClass[]) => ({ id: title, title, classes });

	it('full when every criterion is proved or claimed without contradiction, and says who decides', () => {
		const reach = reachOf([competence('A', ['prouvé', 'à prouver']), competence('B', ['prouvé'])], 'le jury');
		expect(reach.kind).toBe('totale');
		expect(reach.why).toContain('1 critère à prouver');
		expect(reach.why).toContain('seul le jury décide');
	});

	it('partial when only some competences are', () => {
		const reach = reachOf([competence('A', ['prouvé']), competence('B', ['à consolider', 'non positionné'])], 'le jury');
		expect(reach).toMatchObject({ kind: 'partielle', competences: ['A'] });
		expect(reach.why).toContain('1 à consolider');
	});

	it('not yet otherwise', () => {
		expect(reachOf([competence('A', ['à acquérir', 'prouvé'])], 'le jury').kind).toBe('pas encore');
		expect(reachOf([], 'le jury').kind).toBe('pas encore');
	});

	it('counts every class', () => {
		expect(countClasses(['prouvé', 'prouvé', 'à acquérir'])).toEqual({ prouvé: 2, 'à consolider': 0, 'à prouver': 0, 'à acquérir': 1, 'non positionné': 0 });
	});
});
