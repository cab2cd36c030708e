/**
 * The mastery model: from the evidence on one criterion to an estimate, an uncertainty and a
 * status. Pure functions, no database: the same code updates the stored summary when evidence
 * is written and rebuilds it from the whole history. README.md beside this file explains the
 * model for trainers.
 */

export type EvidenceSource = 'quiz' | 'scenario' | 'self' | 'portfolio' | 'observation';
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

/** What is stored per (user, criterion): enough to update and to explain without rereading evidence. */
export interface CriterionSummary {
	/** Σ weight × score, decayed to referenceAt. */
	weightedScore: number;
	/** Σ weight, decayed to referenceAt. */
	weightedTotal: number;
	referenceAt: Date;
	evidenceCount: number;
	appliedCount: number;
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
}

export function emptySummary(at: Date): CriterionSummary {
	return {
		weightedScore: 0,
		weightedTotal: 0,
		referenceAt: at,
		evidenceCount: 0,
		appliedCount: 0,
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
 * The summary after one more piece of evidence. Order does not matter: both sums are carried
 * to the later of the two dates, so folding the history in any order gives the same summary.
 */
export function addEvidence(summary: CriterionSummary, evidence: EvidenceInput): CriterionSummary {
	if (evidence.source === 'self') {
		const newer = !summary.selfRatedAt || evidence.at >= summary.selfRatedAt;
		return newer ? { ...summary, selfRating: evidence.score, selfRatedAt: evidence.at } : summary;
	}
	const reference = evidence.at > summary.referenceAt ? evidence.at : summary.referenceAt;
	const carried = decay(reference.getTime() - summary.referenceAt.getTime());
	const fresh = decay(reference.getTime() - evidence.at.getTime());
	const weight = evidence.weight * (evidence.viaEquivalence ? EQUIVALENT_FACTOR : 1);
	const direct = !evidence.viaEquivalence;
	return {
		...summary,
		weightedScore: summary.weightedScore * carried + weight * evidence.score * fresh,
		weightedTotal: summary.weightedTotal * carried + weight * fresh,
		referenceAt: reference,
		evidenceCount: summary.evidenceCount + (direct ? 1 : 0),
		appliedCount: summary.appliedCount + (direct && APPLIED_SOURCES.has(evidence.source) ? 1 : 0),
		lastEvidenceAt: !summary.lastEvidenceAt || evidence.at > summary.lastEvidenceAt ? evidence.at : summary.lastEvidenceAt
	};
}

export interface Mastery {
	/** Estimated probability of doing what the criterion expects, in [0, 1]. */
	estimate: number;
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

/** The numbers and the status of a summary today; null when nothing was observed. */
function assess(summary: CriterionSummary | null, now: Date): Assessment | null {
	if (!summary || summary.weightedTotal <= 0) return null;
	const carried = decay(now.getTime() - summary.referenceAt.getTime());
	const successes = summary.weightedScore * carried;
	const total = summary.weightedTotal * carried;
	const alpha = PRIOR_SUCCESS + successes;
	const beta = PRIOR_FAILURE + (total - successes);
	const estimate = alpha / (alpha + beta);
	const uncertainty = Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
	const enoughWeight = total >= ACQUIRED_MIN_WEIGHT;
	const applied = summary.appliedCount > 0;
	const status: MasteryStatus =
		estimate >= ACQUIRED_MASTERY && enoughWeight && applied ? 'acquis' : estimate >= CONSOLIDATE_MASTERY ? 'à consolider' : 'en cours';
	return { estimate, uncertainty, total, enoughWeight, applied, status };
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
	return { estimate, uncertainty, evidenceWeight: total, status, selfRating, reasons };
}

/** The summary of a whole history, in any order: what the rebuild command computes. */
export function summarise(history: EvidenceInput[], start: Date): CriterionSummary {
	return history.reduce(addEvidence, emptySummary(start));
}
