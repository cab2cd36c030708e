/**
 * The mastery model: from the evidence on one criterion to an estimate, an uncertainty and a
 * status. Pure functions, no database: the same code updates the stored summary when evidence
 * is written and rebuilds it from the whole history. README.md beside this file explains the
 * model for trainers.
 */

import { TRAINING_SOURCES, type EvidenceSource, type ObservationSituation } from '../evidence/types';

export type { EvidenceSource };
export type MasteryStatus = 'non évalué' | 'en cours' | 'à consolider' | 'acquis';

/** Weight of one piece of evidence by where it comes from: applied work counts more than recall. */
export const SOURCE_WEIGHTS: Record<EvidenceSource, number> = {
	quiz: 1,
	portfolio: 1.5,
	scenario: 2,
	observation: 3,
	// Self-positioning is kept apart: it is shown beside mastery, never part of it.
	self: 0
};

/** Evidence on an equivalent criterion of another certification counts for this share. */
export const EQUIVALENT_FACTOR = 0.5;
/** Evidence loses half its weight every HALF_LIFE_DAYS. */
export const HALF_LIFE_DAYS = 120;
/** Beta(1, 1) prior: with no evidence the estimate is 0.5 and very uncertain. */
const PRIOR_SUCCESS = 1;
const PRIOR_FAILURE = 1;
/** Thresholds of the statuses. */
export const ACQUIRED_MASTERY = 0.75;
export const ACQUIRED_MIN_WEIGHT = 4;
export const CONSOLIDATE_MASTERY = 0.5;

const DAY_MS = 86_400_000;

export const APPLIED_SOURCES: ReadonlySet<EvidenceSource> = new Set(['scenario', 'observation', 'portfolio']);

/** Per source, how many live pieces of evidence of the criterion's own (equivalences excluded). */
export type SourceCounts = Record<'quiz' | 'scenario' | 'observation' | 'portfolio', number>;
export const emptySourceCounts = (): SourceCounts => ({ quiz: 0, scenario: 0, observation: 0, portfolio: 0 });

/** What is stored per (user, criterion): enough to update and to explain without rereading evidence. */
export interface CriterionSummary {
	/** Σ weight × score of every live piece of evidence, decayed to referenceAt. */
	weightedScore: number;
	/** Σ weight, decayed to referenceAt. */
	weightedTotal: number;
	referenceAt: Date;
	/** The same sums over quiz and scenario evidence only: « acquis à l'entraînement ». */
	trainingScore: number;
	trainingTotal: number;
	/** Live scenario evidence of the criterion's own (the applied part of training). */
	trainingApplied: number;
	evidenceCount: number;
	appliedCount: number;
	/**
	 * Live evidence of the criterion's own that shows it in a real situation: an observation
	 * scored acquis outside a reconstituted situation, or a validated proof from experience.
	 */
	demonstratingCount: number;
	sourceCounts: SourceCounts;
	/** The last time the criterion's evidence changed (recorded, corrected or withdrawn). */
	lastEvidenceAt: Date | null;
	selfRating: number | null;
	selfRatedAt: Date | null;
}

export interface EvidenceInput {
	source: EvidenceSource;
	score: number;
	weight: number;
	at: Date;
	/** True when the evidence was earned on an equivalent criterion of another certification. */
	viaEquivalence?: boolean;
	/** Where an observation was made. */
	situation?: ObservationSituation | null;
}

export function emptySummary(at: Date): CriterionSummary {
	return {
		weightedScore: 0,
		weightedTotal: 0,
		referenceAt: at,
		trainingScore: 0,
		trainingTotal: 0,
		trainingApplied: 0,
		evidenceCount: 0,
		appliedCount: 0,
		demonstratingCount: 0,
		sourceCounts: emptySourceCounts(),
		lastEvidenceAt: null,
		selfRating: null,
		selfRatedAt: null
	};
}

/** The share of its weight that evidence keeps after `ms` milliseconds. */
export function decay(ms: number): number {
	return Math.pow(2, -Math.max(0, ms) / (HALF_LIFE_DAYS * DAY_MS));
}

/**
 * Whether a piece of evidence shows the criterion in a real situation: the second level of the
 * estimate. Evidence through an equivalence never does, nor a reconstituted situation.
 */
export function demonstrates(evidence: EvidenceInput): boolean {
	if (evidence.viaEquivalence || evidence.score < 0.999) return false;
	if (evidence.source === 'portfolio') return true;
	return evidence.source === 'observation' && evidence.situation !== 'reconstituée';
}

/**
 * The summary once a piece of evidence is added (sign 1) or taken back out (sign −1, when a
 * later row supersedes it), at the instant `at` of the event. Both sums are carried to the
 * later of the two dates first, so folding a history in any order gives the same sums, and
 * decay being exponential, taking a row out removes exactly what adding it put in.
 * Self-positioning is not folded here: see the ledger (the latest live statement is kept).
 */
export function applyEvidence(summary: CriterionSummary, evidence: EvidenceInput, sign: 1 | -1 = 1, at: Date = evidence.at): CriterionSummary {
	if (evidence.source === 'self') return summary;
	const reference = at > summary.referenceAt ? at : summary.referenceAt;
	const carried = decay(reference.getTime() - summary.referenceAt.getTime());
	const fresh = decay(reference.getTime() - evidence.at.getTime());
	const weight = sign * evidence.weight * (evidence.viaEquivalence ? EQUIVALENT_FACTOR : 1) * fresh;
	const training = TRAINING_SOURCES.has(evidence.source);
	const direct = evidence.viaEquivalence ? 0 : sign;
	// Rounding can leave a hair below zero once evidence is taken out.
	const sum = (value: number, added: number) => Math.max(0, value * carried + added);
	const counts = { ...summary.sourceCounts };
	counts[evidence.source] += direct;
	return {
		...summary,
		weightedScore: sum(summary.weightedScore, weight * evidence.score),
		weightedTotal: sum(summary.weightedTotal, weight),
		trainingScore: sum(summary.trainingScore, training ? weight * evidence.score : 0),
		trainingTotal: sum(summary.trainingTotal, training ? weight : 0),
		referenceAt: reference,
		trainingApplied: summary.trainingApplied + (evidence.source === 'scenario' ? direct : 0),
		evidenceCount: summary.evidenceCount + direct,
		appliedCount: summary.appliedCount + (APPLIED_SOURCES.has(evidence.source) ? direct : 0),
		demonstratingCount: summary.demonstratingCount + (demonstrates(evidence) ? sign : 0),
		sourceCounts: counts,
		lastEvidenceAt: !summary.lastEvidenceAt || at > summary.lastEvidenceAt ? at : summary.lastEvidenceAt
	};
}

/** Adds one piece of evidence: applyEvidence with sign 1. */
export const addEvidence = (summary: CriterionSummary, evidence: EvidenceInput): CriterionSummary =>
	evidence.source === 'self'
		? !summary.selfRatedAt || evidence.at >= summary.selfRatedAt
			? { ...summary, selfRating: evidence.score, selfRatedAt: evidence.at }
			: summary
		: applyEvidence(summary, evidence, 1);

/** The two levels of the estimate: acquired in training, and shown in a real situation. */
export interface Levels {
	/** The acquisition rule holds on quiz and scenario evidence alone. */
	training: boolean;
	/** The rule holds on all evidence and a live proof shows the criterion in a real situation. */
	demonstrated: boolean;
}

export interface Mastery {
	/** Estimated probability of doing what the criterion expects, in [0, 1]. */
	estimate: number;
	levels: Levels;
	/** Standard deviation of the estimate: shrinks as evidence accumulates. */
	uncertainty: number;
	/** Decayed weight of the evidence behind the estimate. */
	evidenceWeight: number;
	status: MasteryStatus;
	selfRating: number | null;
	/** Why the criterion is where it is, in words a candidate or trainer can follow. */
	reasons: string[];
}

interface Assessment {
	estimate: number;
	uncertainty: number;
	total: number;
	enoughWeight: boolean;
	applied: boolean;
	status: MasteryStatus;
}

/** The numbers and the status of sums today; null when nothing was observed. */
function assessSums(weightedScore: number, weightedTotal: number, applied: boolean, referenceAt: Date, now: Date): Assessment | null {
	if (weightedTotal <= 0) return null;
	const carried = decay(now.getTime() - referenceAt.getTime());
	const successes = weightedScore * carried;
	const total = weightedTotal * carried;
	const alpha = PRIOR_SUCCESS + successes;
	const beta = PRIOR_FAILURE + (total - successes);
	const estimate = alpha / (alpha + beta);
	const uncertainty = Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
	const enoughWeight = total >= ACQUIRED_MIN_WEIGHT;
	const status: MasteryStatus =
		estimate >= ACQUIRED_MASTERY && enoughWeight && applied ? 'acquis' : estimate >= CONSOLIDATE_MASTERY ? 'à consolider' : 'en cours';
	return { estimate, uncertainty, total, enoughWeight, applied, status };
}

function assess(summary: CriterionSummary | null, now: Date): Assessment | null {
	return summary ? assessSums(summary.weightedScore, summary.weightedTotal, summary.appliedCount > 0, summary.referenceAt, now) : null;
}

/** The two levels of a criterion today. */
export function levelsOf(summary: CriterionSummary | null, now: Date): Levels {
	if (!summary) return { training: false, demonstrated: false };
	const training = assessSums(summary.trainingScore, summary.trainingTotal, summary.trainingApplied > 0, summary.referenceAt, now)?.status === 'acquis';
	const demonstrated = summary.demonstratingCount > 0 && assess(summary, now)?.status === 'acquis';
	return { training, demonstrated };
}

/** Only the status of a criterion today: what masteryOf says, without building its reasons. */
export function statusOf(summary: CriterionSummary | null, now: Date): MasteryStatus {
	return assess(summary, now)?.status ?? 'non évalué';
}

/** Mastery of a criterion today, from its summary. */
export function masteryOf(summary: CriterionSummary | null, now: Date): Mastery {
	const selfRating = summary?.selfRating ?? null;
	const assessment = assess(summary, now);
	if (!assessment) {
		return {
			estimate: 0,
			levels: { training: false, demonstrated: false },
			uncertainty: 0.29,
			evidenceWeight: 0,
			status: 'non évalué',
			selfRating,
			reasons: [
				selfRating === null
					? 'Aucune activité ne porte encore sur ce critère.'
					: 'Seul votre positionnement existe : il ne suffit pas à valider un critère.'
			]
		};
	}
	const { estimate, uncertainty, total, enoughWeight, applied, status } = assessment;
	const reasons: string[] = [];
	if (status === 'acquis') {
		reasons.push(`Réussite estimée à ${Math.round(estimate * 100)} % sur des preuves suffisantes, dont une mise en situation.`);
	} else {
		reasons.push(`Réussite estimée à ${Math.round(estimate * 100)} %.`);
		if (estimate < ACQUIRED_MASTERY) reasons.push(`Il faut atteindre ${Math.round(ACQUIRED_MASTERY * 100)} %.`);
		if (!enoughWeight) reasons.push('Les preuves sont encore trop peu nombreuses ou trop anciennes pour conclure.');
		if (!applied) reasons.push('Aucune mise en situation (scénario, observation) ne le montre encore.');
	}
	const levels = levelsOf(summary, now);
	if (status === 'acquis' && !levels.demonstrated) reasons.push('Aucune observation en situation réelle ni preuve validée ne le démontre encore.');
	return { estimate, levels, uncertainty, evidenceWeight: total, status, selfRating, reasons };
}

/** The summary of a whole history, in any order: what the rebuild command computes. */
export function summarise(history: EvidenceInput[], start: Date): CriterionSummary {
	return history.reduce(addEvidence, emptySummary(start));
}
