/**
 * The VAE dossier: one printable document built from what the applicant has filled in —
 * positioning, experiences and their links, reviews, other evidence, proof documents — and
 * the feasibility-file fields. Words only: no id reaches the page except the attachments' own
 * (their download links).
 */
import type { Catalog, Certification } from '../content/types';
import type { Executor } from '../db';
import { findSummaries } from '../evidence/summary.repository';
import { trainingEstimate } from './gaps';
import { listAttachments } from '../portfolio/attachments.repository';
import { periodOf } from '../portfolio/period';
import { listAccompagnateurNames } from './accompagnement';
import { loadFeasibility } from './feasibility.service';
import type { FeasibilityState } from './feasibility';
import type { GapClass, GapCounts } from './gaps';
import type { PositioningAnswer } from './positioning';
import { findCurrentPositioning } from './positioning.repository';

export interface DossierAttachment {
	id: string;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	experience: string;
}

export interface DossierLink {
	experience: string;
	period: string;
	justification: string;
	status: string;
	reviews: { reviewer: string; decision: string; reason: string | null; at: string }[];
}

export interface DossierCriterion {
	text: string;
	gap: GapClass;
	answer: PositioningAnswer | null;
	example: string | null;
	links: DossierLink[];
	/** Quiz and scenario answers, observations: what else Jalon holds on the criterion. */
	other: { quiz: number; scenario: number; observation: number; trainingEstimate: number | null };
}

export interface DossierView {
	applicant: string;
	certification: { id: string; title: string; type: string };
	accompagnateurs: string[];
	date: string;
	counts: GapCounts;
	blocks: {
		id: string;
		code: string;
		title: string;
		counts: GapCounts;
		comment: string;
		competences: { number: string; title: string; counts: GapCounts; state: FeasibilityState; confirmed: boolean; criteria: DossierCriterion[] }[];
	}[];
	experiences: { title: string; role: string; context: string; period: string; activities: string; results: string; attachments: DossierAttachment[] }[];
	attachments: DossierAttachment[];
}

const sum = (all: GapCounts[]): GapCounts =>
	all.reduce((total, c) => Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v + c[k as GapClass]])) as GapCounts, { prouvé: 0, 'à consolider': 0, 'à prouver': 0, 'à acquérir': 0, 'non positionné': 0 });

export async function loadDossier(db: Executor, catalog: Catalog, applicant: { id: string; displayName: string }, certification: Certification, now: Date): Promise<DossierView> {
	const criterionIds = certification.units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((k) => k.id)));
	const [{ gaps, blocks, experiences }, positioning, summaries, accompagnateurs] = await Promise.all([
		loadFeasibility(db, catalog, applicant.id, certification, now),
		findCurrentPositioning(db, applicant.id, criterionIds),
		findSummaries(db, applicant.id, criterionIds),
		listAccompagnateurNames(db, applicant.id, certification.id)
	]);
	const attachmentRows = await listAttachments(db, experiences.map((e) => e.id));
	const titleOf = new Map(experiences.map((e) => [e.id, e.title]));
	const toView = (a: (typeof attachmentRows)[number]): DossierAttachment => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, experience: titleOf.get(a.experienceId) ?? '' });
	const attachments = attachmentRows.map(toView);
	const linksOf = (criterionId: string): DossierLink[] =>
		experiences.flatMap((e) =>
			e.links
				.filter((l) => l.criterionId === criterionId)
				.map((l) => ({
					experience: e.title,
					period: periodOf(e),
					justification: l.justification,
					status: l.status,
					reviews: l.reviews.map((r) => ({ reviewer: r.reviewerName ?? 'Un accompagnateur (compte supprimé)', decision: r.decision, reason: r.reason, at: r.at.toISOString() }))
				}))
		);
	return {
		applicant: applicant.displayName,
		certification: { id: certification.id, title: certification.title, type: certification.type },
		accompagnateurs,
		date: now.toISOString(),
		counts: sum(gaps.map((u) => u.counts)),
		blocks: gaps.map((unit, u) => ({
			id: unit.id,
			code: unit.code,
			title: unit.title,
			counts: unit.counts,
			comment: blocks[u]!.comment.body,
			competences: unit.competences.map((competence, c) => ({
				number: competence.number,
				title: competence.title,
				counts: competence.counts,
				state: blocks[u]!.competences[c]!.state,
				confirmed: blocks[u]!.competences[c]!.chosen !== null,
				criteria: competence.criteria.map((criterion) => {
					const summary = summaries.get(criterion.id) ?? null;
					const training = trainingEstimate(summary, now);
					return {
						text: criterion.text,
						gap: criterion.gap,
						answer: criterion.answer,
						example: positioning.get(criterion.id)?.example ?? null,
						links: linksOf(criterion.id),
						other: { quiz: summary?.sourceCounts.quiz ?? 0, scenario: summary?.sourceCounts.scenario ?? 0, observation: summary?.sourceCounts.observation ?? 0, trainingEstimate: training ? training.estimate : null }
					};
				})
			}))
		})),
		experiences: experiences.map((e) => ({ title: e.title, role: e.role, context: e.context, period: periodOf(e), activities: e.activities, results: e.results, attachments: attachmentRows.filter((a) => a.experienceId === e.id).map(toView) })),
		attachments
	};
}
