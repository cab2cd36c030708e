import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files';
import { loadCatalog } from '../content/load';
import type { Certification, Module } from '../content/types';
import type { MasteryStatus } from './model';
import { assessReadiness, indexActivities, nextActivityFor, type CriterionState } from './readiness';
import { activityViews, verdictLabel } from './readiness-view';

const { catalog } = loadCatalog(readContentFiles('content'));
const index = indexActivities(catalog.modules);
const viewOf = activityViews(catalog);

function certification(id: string): Certification {
	const found = catalog.certifications.find((c) => c.id === id);
	if (!found) throw new Error(`certification ${id} absente du catalogue`);
	return found;
}

const criteriaOf = (cert: Certification) => cert.units.flatMap((unit) => unit.competences.flatMap((competence) => competence.criteria));

/** Every criterion of the certification acquired, except those given another status. */
function states(cert: Certification, except: Record<string, MasteryStatus> = {}, base: MasteryStatus = 'acquis'): Map<string, CriterionState> {
	const map = new Map<string, CriterionState>();
	for (const criterion of criteriaOf(cert)) {
		const status = except[criterion.id] ?? base;
		map.set(criterion.id, { status, applied: status === 'acquis' });
	}
	return map;
}

const labelOf = (unit: { verdict: Parameters<typeof verdictLabel>[0]; competencesAcquired: number; competencesTotal: number }) =>
	verdictLabel(unit.verdict, unit.competencesAcquired, unit.competencesTotal);

const unitVerdicts = (cert: Certification, map: Map<string, CriterionState>) =>
	Object.fromEntries(assessReadiness(cert, map, index).units.map((unit) => [unit.unitId, labelOf(unit)]));

describe('readiness on the real référentiels', () => {
	it('has the structures the certifiers publish', () => {
		const tci = certification('tci');
		expect(tci.units.map((u) => [u.kind, u.competences.length])).toEqual([['bloc', 2], ['bloc', 3], ['bloc', 2]]);
		const ra = certification('ra');
		expect(ra.units.map((u) => [u.kind, u.competences.length])).toEqual([['certification', 7]]);
		const ntc = certification('ntc');
		expect(ntc.units.map((u) => u.kind)).toEqual(['ccp', 'ccp', 'transversal']);
	});

	it('TCI: every criterion acquired validates the three blocks and the certification', () => {
		const tci = certification('tci');
		const readiness = assessReadiness(tci, states(tci), index);
		expect(readiness.ready).toBe(true);
		expect(readiness.unitsValidated).toBe(3);
		expect(readiness.units.every((unit) => unit.verdict === 'validé' && unit.next === null)).toBe(true);
		expect(readiness.next).toBeNull();
	});

	it('TCI: with no evidence every block is « non validé » and every criterion is missing', () => {
		const tci = certification('tci');
		const readiness = assessReadiness(tci, new Map(), index);
		expect(readiness.ready).toBe(false);
		expect(readiness.units.map(labelOf)).toEqual(['non validé', 'non validé', 'non validé']);
		const missing = readiness.units.flatMap((u) => u.competences.flatMap((c) => c.missing));
		expect(missing).toHaveLength(criteriaOf(tci).length);
		expect(missing.every((m) => m.status === 'non évalué')).toBe(true);
	});

	it('TCI: one criterion short makes its competence not acquired and its block partial', () => {
		const tci = certification('tci');
		const shortCriterion = tci.units[0]!.competences[1]!.criteria[3]!;
		const readiness = assessReadiness(tci, states(tci, { [shortCriterion.id]: 'à consolider' }), index);
		const block = readiness.units[0]!;
		expect(block.verdict).toBe('partiellement');
		expect(labelOf(block)).toBe('partiellement : 1 sur 2 compétences');
		expect(block.competences.map((c) => c.acquired)).toEqual([true, false]);
		expect(block.competences[1]!.criteriaAcquired).toBe(tci.units[0]!.competences[1]!.criteria.length - 1);
		expect(block.competences[1]!.missing.map((m) => [m.criterionId, m.status])).toEqual([[shortCriterion.id, 'à consolider']]);
		expect(readiness.units.slice(1).map((u) => u.verdict)).toEqual(['validé', 'validé']);
		expect(readiness.ready).toBe(false);
		expect(readiness.unitsValidated).toBe(2);
	});

	it('TCI: a block with no competence acquired is « non » even when some criteria are', () => {
		const tci = certification('tci');
		const [first, second] = tci.units[2]!.competences;
		const map = states(tci, { [first!.criteria[0]!.id]: 'en cours', [second!.criteria[0]!.id]: 'non évalué' });
		expect(unitVerdicts(tci, map)['tci.bdc0166']).toBe('non validé');
	});

	it('RA: the seven capacities form one unit that is validated only when all are acquired', () => {
		const ra = certification('ra');
		const lastCapacity = ra.units[0]!.competences[6]!;
		const readiness = assessReadiness(ra, states(ra, { [lastCapacity.criteria[0]!.id]: 'en cours' }), index);
		expect(readiness.units).toHaveLength(1);
		expect(labelOf(readiness.units[0]!)).toBe('partiellement : 6 sur 7 compétences');
		expect(readiness.ready).toBe(false);
		expect(assessReadiness(ra, states(ra), index).ready).toBe(true);
	});

	it('NTC: both CCP validated without the transversal competences is not the titre', () => {
		const ntc = certification('ntc');
		const transversal = Object.fromEntries(
			ntc.units[2]!.competences.flatMap((c) => c.criteria).map((criterion): [string, MasteryStatus] => [criterion.id, 'à consolider'])
		);
		const readiness = assessReadiness(ntc, states(ntc, transversal), index);
		expect(readiness.units.map((u) => u.verdict)).toEqual(['validé', 'validé', 'non']);
		expect(readiness.unitsValidated).toBe(2);
		expect(readiness.ready).toBe(false);
	});

	it('NTC: a CCP is partial when some of its competences are acquired', () => {
		const ntc = certification('ntc');
		const ccp2 = ntc.units[1]!;
		const except = Object.fromEntries(ccp2.competences[0]!.criteria.map((c): [string, MasteryStatus] => [c.id, 'non évalué']));
		const readiness = assessReadiness(ntc, states(ntc, except), index);
		const total = ccp2.competences.length;
		expect(labelOf(readiness.units[1]!)).toBe(`partiellement : ${total - 1} sur ${total} compétences`);
		expect(readiness.units[0]!.verdict).toBe('validé');
	});

	it('recommends, per unit and overall, an activity of the competence closest to acquisition', () => {
		const tci = certification('tci');
		// Block 1: c1 fully missing, c2 one criterion missing → c2 first.
		const c1 = tci.units[0]!.competences[0]!;
		const c2Criterion = tci.units[0]!.competences[1]!.criteria.find((c) => index.quiz.has(c.id) || index.scenarios.has(c.id))!;
		const except: Record<string, MasteryStatus> = { [c2Criterion.id]: 'en cours' };
		for (const criterion of c1.criteria) except[criterion.id] = 'non évalué';
		const readiness = assessReadiness(tci, states(tci, except), index);
		expect(readiness.units[0]!.next?.competenceId).toBe(c2Criterion.competenceId);
		expect(readiness.next).toEqual(readiness.units[0]!.next);
	});
});

describe('next activity for a missing criterion', () => {
	const module = (competenceId: string, quizCriteria: string[], scenarioCriteria: string[]): Module => ({
		competenceId,
		certificationId: competenceId.split('.')[0]!,
		slug: competenceId.split('.')[1]!,
		lesson: null,
		contentVersion: 'test',
		quiz: quizCriteria.length
			? [{ id: `${competenceId}.q1`, type: 'single', criteria: quizCriteria, prompt: '?', choices: [{ id: 'a', text: 'a', correct: true, feedback: 'f' }, { id: 'b', text: 'b', correct: false, feedback: 'f' }] }]
			: [],
		scenarios: scenarioCriteria.length
			? [
					{
						id: `${competenceId}.s1`,
						file: 's1.yaml',
						title: 'Un appel d’offres',
						summary: 's',
						context: 'c',
						start: 'n1',
						nodes: {
							n1: { text: 't', choices: [{ id: 'a', text: 'a', effects: Object.fromEntries(scenarioCriteria.map((id) => [id, 1])), feedback: 'f', next: 'end' }] },
							end: { ending: { title: 'Fin', outcome: 'réussite', text: 't', debrief: {} } }
						}
					}
				]
			: []
	});
	const syntheticModules = [module('tci.c1', ['tci.c1.met1', 'tci.c1.met2'], ['tci.c1.met1', 'tci.c1.rel1'])];
	const synthetic = indexActivities(syntheticModules);
	const syntheticView = activityViews({ modules: syntheticModules, competences: new Map([['tci.c1', { title: 'Contribuer à la veille' }]]) });
	const noApplied: CriterionState = { status: 'à consolider', applied: false };
	const applied: CriterionState = { status: 'à consolider', applied: true };

	it('is a scenario while the criterion lacks applied evidence', () => {
		expect(syntheticView(nextActivityFor('tci.c1.met1', 'tci.c1', noApplied, synthetic))).toEqual({
			kind: 'scenario',
			competenceId: 'tci.c1',
			scenarioId: 'tci.c1.s1',
			label: 'Mise en situation : Un appel d’offres',
			href: '/modules/tci/c1#scenario-tci.c1.s1'
		});
	});

	it('is the quiz once applied evidence exists', () => {
		expect(syntheticView(nextActivityFor('tci.c1.met1', 'tci.c1', applied, synthetic))).toMatchObject({ kind: 'quiz', href: '/modules/tci/c1#quiz', label: 'Quiz : Contribuer à la veille' });
	});

	it('falls back to the other kind of activity, and to nothing when none covers the criterion', () => {
		expect(nextActivityFor('tci.c1.met2', 'tci.c1', noApplied, synthetic)?.kind).toBe('quiz');
		expect(nextActivityFor('tci.c1.rel1', 'tci.c1', applied, synthetic)?.kind).toBe('scenario');
		expect(nextActivityFor('tci.c1.ctr1', 'tci.c1', noApplied, synthetic)).toBeNull();
	});

	it('points into the real catalog: a module page with #quiz or #scenario-<id>', () => {
		const covered = [...index.scenarios.keys()].find((id) => index.quiz.has(id));
		expect(covered).toBeDefined();
		const competenceId = catalog.criteria.get(covered!)!.competenceId;
		expect(viewOf(nextActivityFor(covered!, competenceId, noApplied, index))?.href).toMatch(/^\/modules\/[a-z]+\/c\w+#scenario-[a-z]+\.c\w+\.s\d+$/);
		expect(viewOf(nextActivityFor(covered!, competenceId, applied, index))?.href).toMatch(/^\/modules\/[a-z]+\/c\w+#quiz$/);
	});
});
