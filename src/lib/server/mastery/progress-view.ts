/**
 * The progress map as pages show it: the référentiel tree with, on every criterion, its
 * mastery and why, and on every unit Jalon's estimate of readiness with what it rests on.
 * Pure: built from the catalog, the stored summaries and the readiness assessment.
 */
import { moduleHref } from '../../paths';
import type { Certification, Unit } from '../content/types';
import { masteryOf, type CriterionSummary, type MasteryStatus } from './model';
import { assessReadiness, type ActivityIndex, type CriterionState, type RecommendedActivity, type Verdict } from './readiness';
import { verdictLabel, type NextActivity } from './readiness-view';

export type { NextActivity };
import type { Evolution } from './evolution';
import { emptyBasis, sumBasis, type ActivityBasis } from './activity-basis';

export interface CriterionCell {
	id: string;
	text: string;
	official: boolean;
	status: MasteryStatus;
	/** The two levels: « acquis à l'entraînement », « démontré en situation réelle ». */
	training: boolean;
	demonstrated: boolean;
	/** Estimated mastery in whole percent; null when nothing was observed. */
	estimate: number | null;
	/** Uncertainty (one standard deviation) in whole percent. */
	uncertainty: number | null;
	selfRating: number | null;
	reasons: string[];
	evidenceCount: number;
	lastEvidenceAt: Date | null;
	next: NextActivity | null;
}

export interface CompetenceView {
	id: string;
	number: string;
	title: string;
	acquired: boolean;
	criteriaAcquired: number;
	criteriaTotal: number;
	/** The competence's module page, when the catalog has its module. */
	moduleHref: string | null;
	criteria: CriterionCell[];
}

export interface UnitView {
	id: string;
	code: string;
	kind: Unit['kind'];
	title: string;
	verdict: Verdict;
	verdictLabel: string;
	competencesAcquired: number;
	competencesTotal: number;
	/** Criteria of the unit at each level, and their total. */
	criteriaTraining: number;
	criteriaDemonstrated: number;
	criteriaTotal: number;
	/** « Prêt pour l'évaluation »: every criterion of the unit is « démontré ». */
	readyForEvaluation: boolean;
	next: NextActivity | null;
	/** What the unit's estimate rests on. */
	basis: ActivityBasis;
	competences: CompetenceView[];
}

export interface ProgressMap {
	certification: { id: string; title: string; type: string };
	ready: boolean;
	/** Every unit ready for the evaluation: every criterion « démontré en situation réelle ». */
	readyForEvaluation: boolean;
	unitsValidated: number;
	unitsTotal: number;
	next: NextActivity | null;
	counts: Record<MasteryStatus, number>;
	/** Criteria of the certification at each level. */
	levels: { training: number; demonstrated: number; total: number };
	/** What the whole estimate rests on. */
	basis: ActivityBasis;
	units: UnitView[];
	/** The company's opinion, where « prêt pour l'évaluation » needs it (company-opinion-requirement.ts). */
	companyOpinion?: { required: boolean; receivedAt: Date | null };
}

export interface ProgressPage extends ProgressMap {
	evolution: Evolution;
}

/** The map of one candidate, from the summaries of the certification's criteria. */
export function buildProgressMap(
	certification: Certification,
	summaries: ReadonlyMap<string, CriterionSummary>,
	activities: ActivityIndex,
	moduleIds: ReadonlySet<string>,
	now: Date,
	activity: ReadonlyMap<string, ActivityBasis> = new Map(),
	viewOf: (activity: RecommendedActivity | null) => NextActivity | null = () => null
): ProgressMap {
	const masteries = new Map<string, ReturnType<typeof masteryOf>>();
	const states = new Map<string, CriterionState>();
	for (const unit of certification.units) {
		for (const competence of unit.competences) {
			for (const criterion of competence.criteria) {
				const summary = summaries.get(criterion.id) ?? null;
				const mastery = masteryOf(summary, now);
				masteries.set(criterion.id, mastery);
				states.set(criterion.id, { status: mastery.status, applied: (summary?.appliedCount ?? 0) > 0 });
			}
		}
	}
	const readiness = assessReadiness(certification, states, activities);
	const counts: Record<MasteryStatus, number> = { acquis: 0, 'à consolider': 0, 'en cours': 0, 'non évalué': 0 };
	const units = certification.units.map((unit, u): UnitView => {
		const verdict = readiness.units[u]!;
		const criteria = unit.competences.flatMap((competence) => competence.criteria.map((criterion) => masteries.get(criterion.id)!));
		const criteriaDemonstrated = criteria.filter((mastery) => mastery.levels.demonstrated).length;
		return {
			id: unit.id,
			code: unit.code,
			kind: unit.kind,
			title: unit.title,
			verdict: verdict.verdict,
			verdictLabel: verdictLabel(verdict.verdict, verdict.competencesAcquired, verdict.competencesTotal),
			competencesAcquired: verdict.competencesAcquired,
			competencesTotal: verdict.competencesTotal,
			criteriaTraining: criteria.filter((mastery) => mastery.levels.training).length,
			criteriaDemonstrated,
			criteriaTotal: criteria.length,
			readyForEvaluation: criteria.length > 0 && criteriaDemonstrated === criteria.length,
			next: viewOf(verdict.next),
			basis: sumBasis(unit.competences.map((competence) => activity.get(competence.id) ?? emptyBasis())),
			competences: unit.competences.map((competence, c): CompetenceView => {
				const assessed = verdict.competences[c]!;
				const nextOf = new Map(assessed.missing.map((missing) => [missing.criterionId, viewOf(missing.next)]));
				return {
					id: competence.id,
					number: competence.number,
					title: competence.title,
					acquired: assessed.acquired,
					criteriaAcquired: assessed.criteriaAcquired,
					criteriaTotal: assessed.criteriaTotal,
					moduleHref: moduleIds.has(competence.id) ? moduleHref(competence.id) : null,
					criteria: competence.criteria.map((criterion): CriterionCell => {
						const mastery = masteries.get(criterion.id)!;
						const summary = summaries.get(criterion.id);
						const observed = mastery.status !== 'non évalué';
						counts[mastery.status]++;
						return {
							id: criterion.id,
							text: criterion.text,
							official: criterion.official,
							status: mastery.status,
							training: mastery.levels.training,
							demonstrated: mastery.levels.demonstrated,
							estimate: observed ? Math.round(mastery.estimate * 100) : null,
							uncertainty: observed ? Math.round(mastery.uncertainty * 100) : null,
							selfRating: mastery.selfRating,
							reasons: mastery.reasons,
							evidenceCount: summary?.evidenceCount ?? 0,
							lastEvidenceAt: summary?.lastEvidenceAt ?? null,
							next: nextOf.get(criterion.id) ?? null
						};
					})
				};
			})
		};
	});
	const sum = (pick: (unit: UnitView) => number) => units.reduce((total, unit) => total + pick(unit), 0);
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		ready: readiness.ready,
		readyForEvaluation: units.length > 0 && units.every((unit) => unit.readyForEvaluation),
		levels: { training: sum((unit) => unit.criteriaTraining), demonstrated: sum((unit) => unit.criteriaDemonstrated), total: sum((unit) => unit.criteriaTotal) },
		unitsValidated: readiness.unitsValidated,
		unitsTotal: readiness.unitsTotal,
		next: viewOf(readiness.next),
		counts,
		basis: sumBasis(units.map((unit) => unit.basis)),
		units
	};
}
