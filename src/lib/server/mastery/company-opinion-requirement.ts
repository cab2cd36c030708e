/**
 * « Prêt pour l'évaluation » for a CQPM candidate in training also needs the company's opinion
 * (DESIGN.md, « Two levels »): every criterion démontré en situation réelle AND the avis de
 * l'entreprise received. The opinion is not mastery evidence: it never touches a criterion,
 * only this last condition. Pure.
 */
import type { ProgressMap } from './progress-view';

export interface CompanyOpinionStatus {
	/** True for a CQPM on the formation pathway. */
	required: boolean;
	/** When the latest signed opinion was signed; null when none is. */
	receivedAt: Date | null;
}

export function withCompanyOpinion<T extends ProgressMap>(map: T, status: CompanyOpinionStatus): T {
	const missing = status.required && status.receivedAt === null;
	return {
		...map,
		companyOpinion: status,
		readyForEvaluation: map.readyForEvaluation && !missing,
		units: map.units.map((unit) => ({ ...unit, readyForEvaluation: unit.readyForEvaluation && !missing }))
	};
}

/** Every criterion démontré, the opinion still missing: what the summary then says is missing. */
export const waitsOnlyForCompanyOpinion = (map: ProgressMap) =>
	!!map.companyOpinion?.required && map.companyOpinion.receivedAt === null && map.levels.total > 0 && map.levels.demonstrated === map.levels.total;
