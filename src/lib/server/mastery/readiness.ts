/**
 * Readiness by the certifier's rules: Jalon's estimate, unit by unit, of what the certifier's rules require (the evaluators decide),
 * from the status of each criterion. Pure functions over the catalog, no database.
 *
 * - a competence (or capacity) is acquired when every one of its criteria is acquired;
 * - a unit (CQPM block, CCP, the RA certification unit, the NTC transversal group) is
 *   validated when every one of its competences is acquired;
 * - the certification is obtained when every unit is validated.
 */
import type { Certification, Competence, Module, Unit } from '../content/types';
import type { MasteryStatus } from './model';

/** What readiness needs to know about one criterion. */
export interface CriterionState {
	status: MasteryStatus;
	/** At least one applied piece of evidence (scenario, observation, portfolio). */
	applied: boolean;
}

export type Verdict = 'validé' | 'partiellement' | 'non';

/** An activity that would move a criterion: words and links are the view's (readiness-view.ts). */
export interface RecommendedActivity {
	kind: 'quiz' | 'scenario';
	/** The module (competence) where the activity is started. */
	competenceId: string;
	scenarioId: string | null;
}

export interface MissingCriterion {
	criterionId: string;
	status: MasteryStatus;
	next: RecommendedActivity | null;
}

export interface CompetenceReadiness {
	competenceId: string;
	acquired: boolean;
	criteriaAcquired: number;
	criteriaTotal: number;
	missing: MissingCriterion[];
}

export interface UnitReadiness {
	unitId: string;
	verdict: Verdict;
	competencesAcquired: number;
	competencesTotal: number;
	competences: CompetenceReadiness[];
	/** The activity to do next for this unit, or null when it is validated or nothing covers it. */
	next: RecommendedActivity | null;
}

export interface CertificationReadiness {
	certificationId: string;
	ready: boolean;
	unitsValidated: number;
	unitsTotal: number;
	units: UnitReadiness[];
	next: RecommendedActivity | null;
}

/**
 * For each criterion, the activities of the catalog that give evidence for it. Each activity
 * is one shared object, so a page that names it for many criteria serialises it once.
 */
export interface ActivityIndex {
	quiz: Map<string, RecommendedActivity[]>;
	scenarios: Map<string, RecommendedActivity[]>;
}

const NOT_EVALUATED: CriterionState = { status: 'non évalué', applied: false };

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Indexes the modules' quiz items and scenario choices by the criteria they give evidence
 * for, in catalog order: a module's quiz once per criterion, a scenario once per criterion.
 */
export function indexActivities(modules: Module[]): ActivityIndex {
	const index: ActivityIndex = { quiz: new Map(), scenarios: new Map() };
	for (const module of modules) {
		const quiz: RecommendedActivity = { kind: 'quiz', competenceId: module.competenceId, scenarioId: null };
		for (const criterionId of new Set(module.quiz.flatMap((item) => item.criteria))) push(index.quiz, criterionId, quiz);
		for (const scenario of module.scenarios) {
			const activity: RecommendedActivity = { kind: 'scenario', competenceId: module.competenceId, scenarioId: scenario.id };
			const moved = new Set<string>();
			for (const node of Object.values(scenario.nodes)) {
				if ('choices' in node) for (const choice of node.choices) for (const id of Object.keys(choice.effects)) moved.add(id);
			}
			for (const criterionId of moved) push(index.scenarios, criterionId, activity);
		}
	}
	return index;
}

/** Prefers the criterion's own module, then catalog order. */
function pick(list: RecommendedActivity[] | undefined, ownCompetenceId: string): RecommendedActivity | undefined {
	return list?.find((entry) => entry.competenceId === ownCompetenceId) ?? list?.[0];
}

/**
 * The activity that would move a criterion that is not acquired: a scenario when it still
 * lacks applied evidence (a criterion is never acquired without it), otherwise a quiz; the
 * other kind when the preferred one does not exist. Null when nothing in the catalog covers
 * the criterion yet.
 */
export function nextActivityFor(criterionId: string, competenceId: string, state: CriterionState, index: ActivityIndex): RecommendedActivity | null {
	const scenario = pick(index.scenarios.get(criterionId), competenceId);
	const quiz = pick(index.quiz.get(criterionId), competenceId);
	if (!state.applied && scenario) return scenario;
	return quiz ?? scenario ?? null;
}

function assessCompetence(competence: Competence, states: ReadonlyMap<string, CriterionState>, index: ActivityIndex): CompetenceReadiness {
	const missing: MissingCriterion[] = [];
	for (const criterion of competence.criteria) {
		const state = states.get(criterion.id) ?? NOT_EVALUATED;
		if (state.status === 'acquis') continue;
		missing.push({ criterionId: criterion.id, status: state.status, next: nextActivityFor(criterion.id, competence.id, state, index) });
	}
	const total = competence.criteria.length;
	// A competence with no criterion cannot be observed, so it is never acquired.
	return { competenceId: competence.id, acquired: total > 0 && missing.length === 0, criteriaAcquired: total - missing.length, criteriaTotal: total, missing };
}

export function verdictOf(acquired: number, total: number): Verdict {
	if (total > 0 && acquired === total) return 'validé';
	return acquired > 0 ? 'partiellement' : 'non';
}

/**
 * The activity to recommend first among these competences: in the competence closest to being
 * acquired (fewest criteria missing; référentiel order on a tie), the first missing criterion
 * that an activity covers.
 */
function recommend(competences: CompetenceReadiness[]): RecommendedActivity | null {
	const open = competences.filter((c) => !c.acquired).sort((a, b) => a.missing.length - b.missing.length);
	for (const competence of open) {
		const next = competence.missing.find((criterion) => criterion.next)?.next;
		if (next) return next;
	}
	return null;
}

export function assessUnit(unit: Unit, states: ReadonlyMap<string, CriterionState>, index: ActivityIndex): UnitReadiness {
	const competences = unit.competences.map((competence) => assessCompetence(competence, states, index));
	const acquired = competences.filter((c) => c.acquired).length;
	const verdict = verdictOf(acquired, competences.length);
	return {
		unitId: unit.id,
		verdict,
		competencesAcquired: acquired,
		competencesTotal: competences.length,
		competences,
		next: recommend(competences)
	};
}

/**
 * The estimate of readiness on each unit of the certification and on the whole,
 * with, for every criterion not yet acquired, the activity that would move it. Criteria with
 * no state count as not evaluated.
 */
export function assessReadiness(certification: Certification, states: ReadonlyMap<string, CriterionState>, index: ActivityIndex): CertificationReadiness {
	const units = certification.units.map((unit) => assessUnit(unit, states, index));
	const validated = units.filter((unit) => unit.verdict === 'validé').length;
	// The unit closest to validation first: finishing a block is worth more than starting one.
	const byProgress = units
		.filter((unit) => unit.verdict !== 'validé')
		.sort((a, b) => a.competencesTotal - a.competencesAcquired - (b.competencesTotal - b.competencesAcquired));
	return {
		certificationId: certification.id,
		ready: units.length > 0 && validated === units.length,
		unitsValidated: validated,
		unitsTotal: units.length,
		units,
		next: byProgress.map((unit) => unit.next).find((next) => next) ?? null
	};
}
