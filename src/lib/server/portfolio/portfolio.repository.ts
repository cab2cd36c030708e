import type { Executor } from '../db';
import type { DurationBand, ExperienceInput } from './experience';

export type LinkStatus = 'à revoir' | 'validée' | 'à compléter';

export interface Experience extends ExperienceInput {
	id: string;
	/** Moves at every save: a save from an older version is a conflict. */
	version: number;
	userId: string;
	certificationId: string;
	createdAt: Date;
	updatedAt: Date;
}

export interface PortfolioLink {
	id: string;
	userId: string;
	experienceId: string;
	criterionId: string;
	justification: string;
	status: LinkStatus;
	evidenceId: number | null;
	updatedAt: Date;
}

export interface Review {
	id: number;
	linkId: string;
	reviewerName: string | null;
	decision: 'validée' | 'à compléter';
	reason: string | null;
	at: Date;
}

export interface Comment {
	id: number;
	experienceId: string;
	authorName: string | null;
	body: string;
	at: Date;
}

const EXPERIENCE_COLUMNS = ['id', 'user_id', 'certification_id', 'title', 'context', 'role', 'start_date', 'end_date', 'duration_band', 'activities', 'results', 'created_at', 'updated_at', 'version'] as const;
const LINK_COLUMNS = ['id', 'user_id', 'experience_id', 'criterion_id', 'justification', 'status', 'evidence_id', 'updated_at'] as const;

type ExperienceRow = { id: string; user_id: string; certification_id: string; title: string; context: string; role: string; start_date: string | null; end_date: string | null; duration_band: DurationBand | null; activities: string; results: string; created_at: Date | string; updated_at: Date | string; version: number | string };
type LinkRow = { id: string; user_id: string; experience_id: string; criterion_id: string; justification: string; status: LinkStatus; evidence_id: number | string | null; updated_at: Date | string };

const toExperience = (row: ExperienceRow): Experience => ({
	id: row.id,
	version: Number(row.version),
	userId: row.user_id,
	certificationId: row.certification_id,
	title: row.title,
	context: row.context,
	role: row.role,
	startDate: row.start_date,
	endDate: row.end_date,
	durationBand: row.duration_band,
	activities: row.activities,
	results: row.results,
	createdAt: new Date(row.created_at),
	updatedAt: new Date(row.updated_at)
});

const toLink = (row: LinkRow): PortfolioLink => ({
	id: row.id,
	userId: row.user_id,
	experienceId: row.experience_id,
	criterionId: row.criterion_id,
	justification: row.justification,
	status: row.status,
	evidenceId: row.evidence_id === null ? null : Number(row.evidence_id),
	updatedAt: new Date(row.updated_at)
});

const experienceValues = (input: ExperienceInput) => ({
	title: input.title,
	context: input.context,
	role: input.role,
	start_date: input.startDate,
	end_date: input.endDate,
	duration_band: input.durationBand,
	activities: input.activities,
	results: input.results
});

export async function insertExperience(db: Executor, userId: string, certificationId: string, input: ExperienceInput, at: Date, kind: ExperienceKind = 'expérience'): Promise<string> {
	const row = await db
		.insertInto('portfolio_experience')
		.values({ user_id: userId, certification_id: certificationId, kind, ...experienceValues(input), created_at: at, updated_at: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateExperienceRow(db: Executor, experienceId: string, input: ExperienceInput, at: Date): Promise<void> {
	await db.updateTable('portfolio_experience').set((eb) => ({ ...experienceValues(input), updated_at: at, version: eb('version', '+', 1) })).where('id', '=', experienceId).execute();
}

/** One long text of an experience (or of a project: its context too), its version moved on. */
export async function updateExperienceText(db: Executor, experienceId: string, field: 'context' | 'activities' | 'results', body: string, at: Date): Promise<void> {
	await db.updateTable('portfolio_experience').set((eb) => ({ [field]: body, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', experienceId).execute();
}

export async function deleteExperienceRow(db: Executor, experienceId: string): Promise<void> {
	await db.deleteFrom('portfolio_experience').where('id', '=', experienceId).execute();
}

/** The experience if it belongs to this user (null otherwise: another user's id is « not found »). */
export async function findExperience(db: Executor, userId: string, experienceId: string, { lock = false } = {}): Promise<Experience | null> {
	let query = db.selectFrom('portfolio_experience').select(EXPERIENCE_COLUMNS).where('id', '=', experienceId).where('user_id', '=', userId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toExperience(row) : null;
}

/** « expérience »: a VAE experience; « projet »: a project of the projects report (../projects). */
export type ExperienceKind = 'expérience' | 'projet';

export async function listExperiences(db: Executor, userId: string, certificationId: string, kind: ExperienceKind = 'expérience'): Promise<Experience[]> {
	const rows = await db
		.selectFrom('portfolio_experience')
		.select(EXPERIENCE_COLUMNS)
		.where('user_id', '=', userId)
		.where('certification_id', '=', certificationId)
		.where('kind', '=', kind)
		.orderBy('start_date', (ob) => ob.desc().nullsLast())
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(toExperience);
}

export async function listLinksOfExperiences(db: Executor, experienceIds: readonly string[], { lock = false } = {}): Promise<PortfolioLink[]> {
	if (experienceIds.length === 0) return [];
	let query = db.selectFrom('portfolio_link').select(LINK_COLUMNS).where('experience_id', 'in', [...experienceIds]).orderBy('created_at');
	if (lock) query = query.forUpdate();
	return (await query.execute()).map(toLink);
}

/** The link if it belongs to this user; locked for a change when asked. */
export async function findLink(db: Executor, userId: string, linkId: string, { lock = false } = {}): Promise<PortfolioLink | null> {
	let query = db.selectFrom('portfolio_link').select(LINK_COLUMNS).where('id', '=', linkId).where('user_id', '=', userId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toLink(row) : null;
}

/** A link by id alone: for the accompagnateur, whose access is checked on the link's owner. */
export async function findLinkById(db: Executor, linkId: string, { lock = false } = {}): Promise<PortfolioLink | null> {
	let query = db.selectFrom('portfolio_link').select(LINK_COLUMNS).where('id', '=', linkId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toLink(row) : null;
}

export async function findExperienceOwner(db: Executor, experienceId: string): Promise<{ userId: string; certificationId: string; kind: ExperienceKind } | null> {
	const row = await db.selectFrom('portfolio_experience').select(['user_id', 'certification_id', 'kind']).where('id', '=', experienceId).executeTakeFirst();
	return row ? { userId: row.user_id, certificationId: row.certification_id, kind: row.kind } : null;
}

/** Inserts a link; false when the experience already proves that criterion. */
export async function insertLink(db: Executor, link: { userId: string; experienceId: string; criterionId: string; justification: string }, at: Date): Promise<boolean> {
	const row = await db
		.insertInto('portfolio_link')
		.values({ user_id: link.userId, experience_id: link.experienceId, criterion_id: link.criterionId, justification: link.justification, status: 'à revoir', evidence_id: null, created_at: at, updated_at: at })
		.onConflict((oc) => oc.columns(['experience_id', 'criterion_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}

export async function setLinkState(db: Executor, linkId: string, state: { status: LinkStatus; evidenceId: number | null; justification?: string }, at: Date): Promise<void> {
	await db
		.updateTable('portfolio_link')
		.set({ status: state.status, evidence_id: state.evidenceId, ...(state.justification === undefined ? {} : { justification: state.justification }), updated_at: at })
		.where('id', '=', linkId)
		.execute();
}

export async function deleteLinkRow(db: Executor, linkId: string): Promise<void> {
	await db.deleteFrom('portfolio_link').where('id', '=', linkId).execute();
}

export async function insertReview(db: Executor, review: { linkId: string; userId: string; reviewerId: string; decision: 'validée' | 'à compléter'; reason: string | null }, at: Date): Promise<void> {
	await db.insertInto('portfolio_review').values({ link_id: review.linkId, user_id: review.userId, reviewer_id: review.reviewerId, decision: review.decision, reason: review.reason, created_at: at }).execute();
}

/** Every review of these links, newest first, with the reviewer's name (gone once their account is). */
export async function listReviews(db: Executor, linkIds: readonly string[]): Promise<Review[]> {
	if (linkIds.length === 0) return [];
	const rows = await db
		.selectFrom('portfolio_review')
		.leftJoin('app_user', 'app_user.id', 'portfolio_review.reviewer_id')
		.select(['portfolio_review.id', 'portfolio_review.link_id', 'app_user.display_name', 'portfolio_review.decision', 'portfolio_review.reason', 'portfolio_review.created_at'])
		.where('portfolio_review.link_id', 'in', [...linkIds])
		.orderBy('portfolio_review.id', 'desc')
		.execute();
	return rows.map((row) => ({ id: Number(row.id), linkId: row.link_id, reviewerName: row.display_name, decision: row.decision, reason: row.reason, at: new Date(row.created_at) }));
}

export async function insertComment(db: Executor, comment: { experienceId: string; userId: string; authorId: string; body: string }, at: Date): Promise<void> {
	await db.insertInto('portfolio_comment').values({ experience_id: comment.experienceId, user_id: comment.userId, author_id: comment.authorId, body: comment.body, created_at: at }).execute();
}

export async function listComments(db: Executor, experienceIds: readonly string[]): Promise<Comment[]> {
	if (experienceIds.length === 0) return [];
	const rows = await db
		.selectFrom('portfolio_comment')
		.leftJoin('app_user', 'app_user.id', 'portfolio_comment.author_id')
		.select(['portfolio_comment.id', 'portfolio_comment.experience_id', 'app_user.display_name', 'portfolio_comment.body', 'portfolio_comment.created_at'])
		.where('portfolio_comment.experience_id', 'in', [...experienceIds])
		.orderBy('portfolio_comment.id')
		.execute();
	return rows.map((row) => ({ id: Number(row.id), experienceId: row.experience_id, authorName: row.display_name, body: row.body, at: new Date(row.created_at) }));
}
