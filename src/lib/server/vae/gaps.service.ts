/**
 * What the gap analysis page loads: per unit and competence, each criterion's class, the counts,
 * whether a validation looks within reach, and for each gap what closes it.
 */
import type { Catalog, Certification } from '../content/types';
import type { Executor } from '../db';
import { findSummaries } from '../evidence/summary.repository';
import { moduleHref, vaeExperienceHref, vaeExperiencesHref, vaePositioningHref } from '../../paths';
import { classifyCriterion, countClasses, reachOf, trainingEstimate, type GapClass, type GapCounts, type Reach } from './gaps';
import { findLinkStates, findTrainingAnswers } from './gaps.repository';
import { findCurrentPositioning } from './positioning.repository';
import type { PositioningAnswer } from './positioning';

export interface GapAction {
	label: string;
	href: string;
}

export interface CriterionGap {
	id: string;
	text: string;
	official: boolean;
	gap: GapClass;
	answer: PositioningAnswer | null;
	/** Validated proofs, proofs waiting for review, proofs to complete. */
	links: { validated: number; waiting: number; toComplete: number };
	/** For « à consolider »: the training estimate and the answers behind it. */
	contradiction: { estimate: number; answers: { label: string; right: boolean; at: string }[] } | null;
	actions: GapAction[];
}

export interface CompetenceGapView {
	id: string;
	number: string;
	title: string;
	counts: GapCounts;
	criteria: CriterionGap[];
}

export interface UnitGapView {
	id: string;
	code: string;
	title: string;
	counts: GapCounts;
	reach: Reach;
	competences: CompetenceGapView[];
}

/** Who decides, by type of certification (Jalon never speaks for them). */
export function deciderOf(certification: Pick<Certification, 'type'>): string {
	return /cqpm/i.test(certification.type) ? 'le jury paritaire de délibération, après la commission d’évaluation,' : 'le jury';
}

function itemLabel(catalog: Pick<Catalog, 'modules'>, source: 'quiz' | 'scenario', itemRef: string): string {
	if (source === 'quiz') {
		for (const module of catalog.modules) {
			const item = module.quiz.find((q) => q.id === itemRef);
			if (item) return `Question : ${item.prompt}`;
		}
		return 'Une question de quiz';
	}
	const scenarioId = itemRef.split('#')[0];
	for (const module of catalog.modules) {
		const scenario = module.scenarios.find((s) => s.id === scenarioId);
		if (scenario) return `Mise en situation : ${scenario.title}`;
	}
	return 'Une mise en situation';
}

function actionsFor(gap: GapClass, criterion: { id: string; competenceId: string; certificationId: string }, links: { status: string; experienceId: string }[]): GapAction[] {
	const module = { label: 'Travailler le module de cette compétence', href: moduleHref(criterion.competenceId) };
	switch (gap) {
		case 'prouvé':
			return [];
		case 'à consolider':
			return [module, { label: 'Revoir mon positionnement', href: vaePositioningHref(criterion.competenceId) }];
		case 'à prouver': {
			const toComplete = links.find((l) => l.status === 'à compléter');
			if (toComplete) return [{ label: 'Compléter la justification demandée', href: vaeExperienceHref(criterion.certificationId, toComplete.experienceId) }];
			const waiting = links.find((l) => l.status === 'à revoir');
			const describe = { label: 'Décrire une expérience qui le prouve', href: `${vaeExperiencesHref(criterion.certificationId)}#nouvelle-experience` };
			return waiting ? [{ label: 'Voir le lien en attente de revue', href: vaeExperienceHref(criterion.certificationId, waiting.experienceId) }, describe] : [describe];
		}
		case 'à acquérir':
			return [module];
		case 'non positionné':
			return [{ label: 'Me positionner sur ce critère', href: vaePositioningHref(criterion.competenceId) }];
	}
}

/** The gap analysis of one certification for one applicant, today. */
export async function loadGapAnalysis(db: Executor, catalog: Pick<Catalog, 'modules'>, userId: string, certification: Certification, now: Date): Promise<UnitGapView[]> {
	const criterionIds = certification.units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((k) => k.id)));
	const [summaries, positioning, links] = await Promise.all([
		findSummaries(db, userId, criterionIds),
		findCurrentPositioning(db, userId, criterionIds),
		findLinkStates(db, userId, certification.id)
	]);
	const classes = new Map(criterionIds.map((id) => [id, classifyCriterion(summaries.get(id) ?? null, positioning.get(id)?.answer ?? null, now)]));
	const contradicted = criterionIds.filter((id) => classes.get(id) === 'à consolider');
	const answers = await findTrainingAnswers(db, userId, contradicted);
	const decides = deciderOf(certification);

	return certification.units.map((unit) => {
		const competences = unit.competences.map((competence) => {
			const criteria = competence.criteria.map((criterion): CriterionGap => {
				const gap = classes.get(criterion.id)!;
				const own = links.filter((l) => l.criterionId === criterion.id);
				const training = gap === 'à consolider' ? trainingEstimate(summaries.get(criterion.id) ?? null, now) : null;
				return {
					id: criterion.id,
					text: criterion.text,
					official: criterion.official,
					gap,
					answer: positioning.get(criterion.id)?.answer ?? null,
					links: { validated: own.filter((l) => l.status === 'validée').length, waiting: own.filter((l) => l.status === 'à revoir').length, toComplete: own.filter((l) => l.status === 'à compléter').length },
					contradiction: training
						? {
								estimate: training.estimate,
								answers: answers.filter((a) => a.criterionId === criterion.id).map((a) => ({ label: itemLabel(catalog, a.source, a.itemRef), right: a.score >= 0.5, at: a.at.toISOString() }))
							}
						: null,
					actions: actionsFor(gap, criterion, own)
				};
			});
			return { id: competence.id, number: competence.number, title: competence.title, counts: countClasses(criteria.map((c) => c.gap)), criteria };
		});
		return {
			id: unit.id,
			code: unit.code,
			title: unit.title,
			counts: countClasses(competences.flatMap((c) => c.criteria.map((k) => k.gap))),
			reach: reachOf(competences.map((c) => ({ id: c.id, title: c.title, classes: c.criteria.map((k) => k.gap) })), decides),
			competences
		};
	});
}
