/**
 * The gap analysis of a VAE applicant: each criterion in exactly one class, decided in the
 * order the rules are listed, then counted per competence and per unit. Pure: it reads the
 * ledger's summary and the applicant's latest positioning, nothing else.
 */
import { CONSOLIDATE_MASTERY, ACQUIRED_MIN_WEIGHT, decay, levelsOf, type CriterionSummary } from '../mastery/model';
import { claims, type PositioningAnswer } from './positioning';

export type GapClass = 'prouvé' | 'à consolider' | 'à prouver' | 'à acquérir' | 'non positionné';
export const GAP_CLASSES: readonly GapClass[] = ['prouvé', 'à consolider', 'à prouver', 'à acquérir', 'non positionné'];

export interface TrainingEstimate {
	/** The estimate on quiz and scenario evidence alone, today. */
	estimate: number;
	/** Its decayed weight. */
	weight: number;
}

/**
 * Quiz and scenario evidence alone, today: the same Beta(1, 1) estimate as the mastery model
 * (README of mastery), over the training sums the summary keeps. Null with no such evidence.
 */
export function trainingEstimate(summary: CriterionSummary | null, now: Date): TrainingEstimate | null {
	if (!summary || summary.trainingTotal <= 0) return null;
	const carried = decay(now.getTime() - summary.referenceAt.getTime());
	const weight = summary.trainingTotal * carried;
	return { estimate: (1 + summary.trainingScore * carried) / (2 + weight), weight };
}

/** True when the applicant's answers contradict a « oui » or « partiellement ». */
export function contradicts(training: TrainingEstimate | null): boolean {
	return training !== null && training.estimate < CONSOLIDATE_MASTERY && training.weight >= ACQUIRED_MIN_WEIGHT;
}

/**
 * The class of one criterion, in this order:
 * 1. prouvé: « démontré en situation réelle » exactly as the ledger computes it;
 * 2. à consolider: positioned oui/partiellement, and quiz and scenario evidence alone under 50 %
 *    with a decayed weight of at least 4;
 * 3. à prouver: positioned oui/partiellement, not yet proved;
 * 4. à acquérir: positioned non;
 * 5. non positionné.
 */
export function classifyCriterion(summary: CriterionSummary | null, answer: PositioningAnswer | null, now: Date): GapClass {
	if (levelsOf(summary, now).demonstrated) return 'prouvé';
	if (claims(answer)) return contradicts(trainingEstimate(summary, now)) ? 'à consolider' : 'à prouver';
	if (answer === 'non') return 'à acquérir';
	return 'non positionné';
}

export type GapCounts = Record<GapClass, number>;
export const emptyCounts = (): GapCounts => ({ prouvé: 0, 'à consolider': 0, 'à prouver': 0, 'à acquérir': 0, 'non positionné': 0 });

export function countClasses(classes: readonly GapClass[]): GapCounts {
	const counts = emptyCounts();
	for (const gap of classes) counts[gap] += 1;
	return counts;
}

export interface CompetenceGaps {
	id: string;
	title: string;
	classes: GapClass[];
}

export interface Reach {
	kind: 'totale' | 'partielle' | 'pas encore';
	/** Why, in words an applicant follows; always ends by saying who decides. */
	why: string;
	/** For a partial validation: the competences within reach. */
	competences: string[];
}

/** A criterion that nothing contradicts: proved, or claimed and waiting for its proof. */
const withinReach = (gap: GapClass) => gap === 'prouvé' || gap === 'à prouver';

/**
 * Whether a full or partial validation of a unit looks within reach: full when every criterion
 * is proved or claimed without contradiction, partial when some competences are. `decides`
 * names who decides (« le jury »): Jalon only estimates.
 */
export function reachOf(competences: readonly CompetenceGaps[], decides: string): Reach {
	const all = competences.flatMap((c) => c.classes);
	const counts = countClasses(all);
	const closing = `Jalon ne fait qu’estimer : seul ${decides} décide d’une validation, totale ou partielle.`;
	if (all.length > 0 && all.every(withinReach)) {
		const missing = counts['à prouver'];
		return {
			kind: 'totale',
			why: missing
				? `Une validation totale paraît à votre portée : vous vous positionnez sur tous les critères et rien ne vous contredit ; il reste ${missing} critère${missing > 1 ? 's' : ''} à prouver par une expérience validée. ${closing}`
				: `Une validation totale paraît à votre portée : chaque critère est démontré par des preuves validées. ${closing}`,
			competences: competences.map((c) => c.title)
		};
	}
	const near = competences.filter((c) => c.classes.length > 0 && c.classes.every(withinReach));
	if (near.length > 0) {
		const others = [counts['à consolider'] && `${counts['à consolider']} à consolider`, counts['à acquérir'] && `${counts['à acquérir']} à acquérir`, counts['non positionné'] && `${counts['non positionné']} non positionné${counts['non positionné'] > 1 ? 's' : ''}`].filter(Boolean);
		return {
			kind: 'partielle',
			why: `Une validation partielle paraît à votre portée pour ${near.length} compétence${near.length > 1 ? 's' : ''} sur ${competences.length} ; ailleurs, des critères restent ${others.join(', ')}. ${closing}`,
			competences: near.map((c) => c.title)
		};
	}
	return {
		kind: 'pas encore',
		why: `Aucune compétence de ce bloc n’a encore tous ses critères prouvés ou à prouver sans contradiction : positionnez-vous, consolidez ou décrivez vos expériences. ${closing}`,
		competences: []
	};
}
