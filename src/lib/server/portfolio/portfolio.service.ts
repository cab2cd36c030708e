/**
 * The portfolio's use cases: experiences, their links to criteria, and the accompagnateur's
 * review. A validated link is one live `portfolio` evidence row (score 1, recorded by the
 * accompagnateur); anything that makes the link need a new look (« à compléter », an edited
 * justification, activities or results, a deleted experience or link) withdraws that row with a
 * superseding one, in the same transaction. Each use case locks the rows it changes first, so a
 * replayed or concurrent form never validates or withdraws twice.
 */
import type { Kysely } from 'kysely';
import type { Catalog } from '../content/types';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { appendEvidence, type EvidenceEntry } from '../evidence/ledger';
import { isEnrolled } from '../enrolment/enrolment-rule';
import type { ExperienceInput } from './experience';
import * as repo from './portfolio.repository';
import { decideSave, type SaveDecision } from './versioned-text';

type LedgerCatalog = Pick<Catalog, 'equivalentsOf'>;
/** The content version of portfolio evidence: it is about the référentiel's criterion. */
const PORTFOLIO_VERSION = 'referentiel';

export const linkItemRef = (linkId: string) => `lien:${linkId}`;

const withdrawal = (link: repo.PortfolioLink, recordedBy: string | null): EvidenceEntry => ({
	criterionId: link.criterionId,
	source: 'portfolio',
	score: 0,
	itemRef: linkItemRef(link.id),
	contentVersion: PORTFOLIO_VERSION,
	recordedBy,
	supersedes: link.evidenceId,
	withdraw: true
});

/** Withdraws the evidence of the validated links among these and sends them back to review. */
export async function reopenLinks(tx: Executor, catalog: LedgerCatalog, userId: string, links: repo.PortfolioLink[], at: Date, recordedBy: string | null = null): Promise<void> {
	const live = links.filter((link) => link.evidenceId !== null);
	await appendEvidence(tx, catalog, userId, live.map((link) => withdrawal(link, recordedBy)), at);
	for (const link of links) if (link.status !== 'à revoir') await repo.setLinkState(tx, link.id, { status: 'à revoir', evidenceId: null }, at);
}

export async function createExperience(db: Kysely<Database>, input: { userId: string; certificationId: string; experience: ExperienceInput; at: Date }): Promise<string | null> {
	return withTransaction(db, async (tx) => {
		if (!(await isEnrolled(tx, input.userId, input.certificationId))) return null;
		return repo.insertExperience(tx, input.userId, input.certificationId, input.experience, input.at);
	});
}

/**
 * Saves an edited experience. Changing its activities or results changes what its links rest
 * on: every link goes back to « à revoir » and a validated one's evidence is withdrawn.
 */
export type TextConflicts = Partial<Record<ExperienceTextField, { theirs: string; version: number }>>;

export async function updateExperience(
	db: Kysely<Database>,
	catalog: LedgerCatalog,
	input: { userId: string; experienceId: string; experience: ExperienceInput; at: Date; bases?: Partial<Record<ExperienceTextField, string>> }
): Promise<boolean | { conflicts: TextConflicts }> {
	return withTransaction(db, async (tx) => {
		const before = await repo.findExperience(tx, input.userId, input.experienceId, { lock: true });
		if (!before) return false;
		// A long text changed elsewhere since this form was opened (and changed here too): nothing is written.
		const conflicts: TextConflicts = {};
		for (const field of EXPERIENCE_TEXT_FIELDS) {
			const base = input.bases?.[field];
			if (base !== undefined && before[field] !== base && before[field] !== input.experience[field]) conflicts[field] = { theirs: before[field], version: before.version };
		}
		if (Object.keys(conflicts).length > 0) return { conflicts };
		if (before.activities !== input.experience.activities || before.results !== input.experience.results) {
			const links = await repo.listLinksOfExperiences(tx, [before.id], { lock: true });
			await reopenLinks(tx, catalog, input.userId, links, input.at);
		}
		await repo.updateExperienceRow(tx, before.id, input.experience, input.at);
		return true;
	});
}

export const EXPERIENCE_TEXT_FIELDS = ['activities', 'results'] as const;
export type ExperienceTextField = (typeof EXPERIENCE_TEXT_FIELDS)[number];

/**
 * The autosave of one long text of an experience (AutosaveTextarea): saved when nobody saved
 * that text since `baseVersion` / `baseBody`, a conflict otherwise. A changed text sends the
 * experience's links back to review, as the full form does.
 */
export async function saveExperienceText(
	db: Kysely<Database>,
	catalog: LedgerCatalog,
	input: { userId: string; experienceId: string; field: ExperienceTextField; baseVersion: number; baseBody?: string; body: string; at: Date }
): Promise<SaveDecision | null> {
	return withTransaction(db, async (tx) => {
		const before = await repo.findExperience(tx, input.userId, input.experienceId, { lock: true });
		if (!before) return null;
		const decision = decideSave({ body: before[input.field], version: before.version }, input.baseVersion, input.body, input.baseBody);
		if (decision.kind !== 'save') return decision;
		const links = await repo.listLinksOfExperiences(tx, [before.id], { lock: true });
		await reopenLinks(tx, catalog, input.userId, links, input.at);
		await repo.updateExperienceText(tx, before.id, input.field, input.body, input.at);
		return { kind: 'save', version: before.version + 1 } as const;
	});
}

/** Deletes an experience with its links, reviews and comments; its validated proofs are withdrawn first. */
export async function deleteExperience(db: Kysely<Database>, catalog: LedgerCatalog, input: { userId: string; experienceId: string; at: Date }): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const experience = await repo.findExperience(tx, input.userId, input.experienceId, { lock: true });
		if (!experience) return false;
		const links = await repo.listLinksOfExperiences(tx, [experience.id], { lock: true });
		await appendEvidence(tx, catalog, input.userId, links.filter((link) => link.evidenceId !== null).map((link) => withdrawal(link, null)), input.at);
		await repo.deleteExperienceRow(tx, experience.id);
		return true;
	});
}

export type AddLinkResult = { ok: true } | { ok: false; reason: 'not-found' | 'foreign-criterion' | 'duplicate' };

/** Links an experience to a criterion of its own certification, « à revoir » until reviewed. */
export async function addLink(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'criteria'>,
	input: { userId: string; experienceId: string; criterionId: string; justification: string; at: Date }
): Promise<AddLinkResult> {
	return withTransaction(db, async (tx) => {
		const experience = await repo.findExperience(tx, input.userId, input.experienceId, { lock: true });
		if (!experience) return { ok: false, reason: 'not-found' } as const;
		if (catalog.criteria.get(input.criterionId)?.certificationId !== experience.certificationId) return { ok: false, reason: 'foreign-criterion' } as const;
		const inserted = await repo.insertLink(tx, { userId: input.userId, experienceId: experience.id, criterionId: input.criterionId, justification: input.justification }, input.at);
		return inserted ? ({ ok: true } as const) : ({ ok: false, reason: 'duplicate' } as const);
	});
}

/** A new justification: the link goes back to « à revoir » (its evidence withdrawn if it was validated). */
export async function updateLinkJustification(db: Kysely<Database>, catalog: LedgerCatalog, input: { userId: string; linkId: string; justification: string; at: Date }): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const link = await repo.findLink(tx, input.userId, input.linkId, { lock: true });
		if (!link) return false;
		if (link.justification === input.justification) return true;
		await reopenLinks(tx, catalog, input.userId, [link], input.at);
		await repo.setLinkState(tx, link.id, { status: 'à revoir', evidenceId: null, justification: input.justification }, input.at);
		return true;
	});
}

export async function deleteLink(db: Kysely<Database>, catalog: LedgerCatalog, input: { userId: string; linkId: string; at: Date }): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const link = await repo.findLink(tx, input.userId, input.linkId, { lock: true });
		if (!link) return false;
		if (link.evidenceId !== null) await appendEvidence(tx, catalog, input.userId, [withdrawal(link, null)], input.at);
		await repo.deleteLinkRow(tx, link.id);
		return true;
	});
}

/** Whether the reviewer may review this applicant's portfolio in this certification. */
export type ReviewAccess = (tx: Executor, reviewerId: string, applicantId: string, certificationId: string, kind: repo.ExperienceKind) => Promise<boolean>;

export type ReviewResult = { ok: true } | { ok: false; reason: 'not-found' };

/**
 * The accompagnateur's decision on a link. « Validée » records the proof (once: validating an
 * already validated link only adds the review); « à compléter » withdraws it if it counted.
 * A link the reviewer may not see is « not found », whatever its id.
 */
export async function reviewLink(
	db: Kysely<Database>,
	catalog: LedgerCatalog,
	mayReview: ReviewAccess,
	input: { reviewerId: string; linkId: string; decision: 'validée' | 'à compléter'; reason: string | null; at: Date }
): Promise<ReviewResult> {
	return withTransaction(db, async (tx) => {
		const link = await repo.findLinkById(tx, input.linkId, { lock: true });
		const owner = link ? await repo.findExperienceOwner(tx, link.experienceId) : null;
		if (!link || !owner || !(await mayReview(tx, input.reviewerId, owner.userId, owner.certificationId, owner.kind))) return { ok: false, reason: 'not-found' } as const;
		if (input.decision === 'validée' && link.evidenceId === null) {
			const [evidenceId] = await appendEvidence(
				tx,
				catalog,
				link.userId,
				[{ criterionId: link.criterionId, source: 'portfolio', score: 1, itemRef: linkItemRef(link.id), contentVersion: PORTFOLIO_VERSION, recordedBy: input.reviewerId }],
				input.at
			);
			await repo.setLinkState(tx, link.id, { status: 'validée', evidenceId: evidenceId! }, input.at);
		} else if (input.decision === 'à compléter') {
			if (link.evidenceId !== null) await appendEvidence(tx, catalog, link.userId, [withdrawal(link, input.reviewerId)], input.at);
			await repo.setLinkState(tx, link.id, { status: 'à compléter', evidenceId: null }, input.at);
		}
		await repo.insertReview(tx, { linkId: link.id, userId: link.userId, reviewerId: input.reviewerId, decision: input.decision, reason: input.reason }, input.at);
		return { ok: true } as const;
	});
}

export async function commentExperience(
	db: Kysely<Database>,
	mayReview: ReviewAccess,
	input: { authorId: string; experienceId: string; body: string; at: Date }
): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const owner = await repo.findExperienceOwner(tx, input.experienceId);
		if (!owner || !(await mayReview(tx, input.authorId, owner.userId, owner.certificationId, owner.kind))) return false;
		await repo.insertComment(tx, { experienceId: input.experienceId, userId: owner.userId, authorId: input.authorId, body: input.body }, input.at);
		return true;
	});
}

export interface ExperienceView extends repo.Experience {
	links: (repo.PortfolioLink & { reviews: repo.Review[] })[];
	comments: repo.Comment[];
}

/** The user's experiences in a certification, each with its links, their reviews and the comments. */
export async function loadPortfolio(db: Executor, userId: string, certificationId: string, kind: repo.ExperienceKind = 'expérience'): Promise<ExperienceView[]> {
	const experiences = await repo.listExperiences(db, userId, certificationId, kind);
	const ids = experiences.map((e) => e.id);
	const [links, comments] = await Promise.all([repo.listLinksOfExperiences(db, ids), repo.listComments(db, ids)]);
	const reviews = await repo.listReviews(db, links.map((l) => l.id));
	return experiences.map((experience) => ({
		...experience,
		links: links.filter((l) => l.experienceId === experience.id).map((l) => ({ ...l, reviews: reviews.filter((r) => r.linkId === l.id) })),
		comments: comments.filter((c) => c.experienceId === experience.id)
	}));
}
