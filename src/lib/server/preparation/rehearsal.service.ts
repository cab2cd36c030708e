import type { Kysely } from 'kysely';
import type { CommissionQuestion } from '../content/types';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { isEnrolled } from '../enrolment/enrolment-rule';
import { trainerGroupsOfCandidate } from '../groups/access';
import * as rehearsals from './rehearsal.repository';

export type { RehearsalComment, RehearsalVersion } from './rehearsal.repository';

/** Long enough for a full spoken answer written out; short enough to stay a rehearsal. */
export const ANSWER_MAX = 6000;
export const COMMENT_MAX = 2000;

/** A text as the candidate typed it, with only its outer blank lines and trailing spaces removed. */
export const tidy = (text: string) => text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, '').trim();

export type SaveOutcome =
	| { kind: 'saved' | 'duplicate' | 'unchanged'; answerId: string }
	| { kind: 'invalid'; message: string }
	| { kind: 'not-enrolled' };

/**
 * Saves a new version of the candidate's answer to a commission question. Earlier versions are
 * kept as its history; the same form sent twice (idempotency key) or an unchanged text records
 * nothing more. Rehearsals are never evidence: nothing here touches the ledger or the summaries.
 */
export async function saveRehearsal(
	db: Kysely<Database>,
	input: { userId: string; certificationId: string; competenceId: string; question: CommissionQuestion; body: string; idempotencyKey: string; now: Date }
): Promise<SaveOutcome> {
	const body = tidy(input.body);
	if (!body) return { kind: 'invalid', message: 'Écrivez votre réponse avant de l’enregistrer.' };
	if (body.length > ANSWER_MAX) return { kind: 'invalid', message: `Votre réponse dépasse ${ANSWER_MAX} caractères (${body.length}) : resserrez-la, comme à l’oral.` };
	if (!isUuid(input.idempotencyKey)) return { kind: 'invalid', message: 'Formulaire incomplet : rechargez la page.' };
	return withTransaction(db, async (tx) => {
		if (!(await isEnrolled(tx, input.userId, input.certificationId))) return { kind: 'not-enrolled' } as const;
		const replay = await rehearsals.findVersionByKey(tx, input.userId, input.idempotencyKey);
		if (replay) return { kind: 'duplicate', answerId: replay.id } as const;
		const [latest] = await rehearsals.listVersions(tx, input.userId, input.question.id);
		if (latest && latest.body === body) return { kind: 'unchanged', answerId: latest.id } as const;
		const answerId = await rehearsals.insertVersion(tx, { userId: input.userId, competenceId: input.competenceId, questionId: input.question.id, body, idempotencyKey: input.idempotencyKey, at: input.now });
		return { kind: 'saved', answerId } as const;
	});
}

/**
 * Records which of the question's points the candidate's latest version covers. Only point
 * texts of the question are kept (a forged value is dropped); ticking again replaces the ticks.
 */
export async function tickPoints(db: Executor, input: { userId: string; question: CommissionQuestion; answerId: string; points: string[] }): Promise<'ticked' | 'not-found' | 'outdated'> {
	if (!isUuid(input.answerId)) return 'not-found';
	const version = await rehearsals.findVersion(db, input.answerId);
	if (!version || version.userId !== input.userId || version.questionId !== input.question.id) return 'not-found';
	const [latest] = await rehearsals.listVersions(db, input.userId, input.question.id);
	if (latest?.id !== version.id) return 'outdated';
	const chosen = new Set(input.points);
	await rehearsals.setCoveredPoints(db, version.id, input.question.points.filter((point) => chosen.has(point)));
	return 'ticked';
}

export interface RehearsalThread {
	questionId: string;
	/** Newest first: the first is the current answer. */
	versions: (rehearsals.RehearsalVersion & { comments: rehearsals.RehearsalComment[] })[];
}

function threads(versions: rehearsals.RehearsalVersion[], comments: rehearsals.RehearsalComment[]): Map<string, RehearsalThread> {
	const byAnswer = new Map<string, rehearsals.RehearsalComment[]>();
	for (const comment of comments) byAnswer.set(comment.answerId, [...(byAnswer.get(comment.answerId) ?? []), comment]);
	const result = new Map<string, RehearsalThread>();
	for (const version of versions) {
		const thread = result.get(version.questionId) ?? { questionId: version.questionId, versions: [] };
		thread.versions.push({ ...version, comments: byAnswer.get(version.id) ?? [] });
		result.set(version.questionId, thread);
	}
	return result;
}

/** The candidate's own rehearsals on these competences, per question, with every version and its comments. */
export async function myRehearsals(db: Executor, userId: string, competenceIds: string[]): Promise<Map<string, RehearsalThread>> {
	const versions = await rehearsals.listUserVersions(db, userId, competenceIds);
	return threads(versions, await rehearsals.listComments(db, versions.map((version) => version.id)));
}

/**
 * The certifications through which the trainer follows the candidate (a shared group's), so a
 * trainer never reads rehearsals of another certification (« vos certifications hors de celle
 * du groupe » are never shown). Checked on every read: leaving the group ends access at once.
 */
async function sharedCertifications(db: Executor, trainerId: string, candidateId: string): Promise<Set<string>> {
	return new Set((await trainerGroupsOfCandidate(db, trainerId, candidateId)).map((group) => group.certificationId));
}

const certificationOf = (competenceId: string) => competenceId.slice(0, competenceId.indexOf('.'));

/**
 * A candidate's rehearsals as a trainer reads them: null unless the trainer is a trainer of a
 * group the candidate belongs to, and only on that group's certification.
 */
export async function rehearsalsForTrainer(db: Executor, trainerId: string, candidateId: string): Promise<Map<string, RehearsalThread> | null> {
	if (!isUuid(candidateId)) return null;
	const certifications = await sharedCertifications(db, trainerId, candidateId);
	if (certifications.size === 0) return null;
	const versions = (await rehearsals.listUserVersions(db, candidateId)).filter((version) => certifications.has(certificationOf(version.competenceId)));
	return threads(versions, await rehearsals.listComments(db, versions.map((version) => version.id)));
}

export type CommentOutcome = { kind: 'commented'; candidateId: string } | { kind: 'forbidden' } | { kind: 'invalid'; message: string };

/** A trainer's comment on one version of a candidate's answer; refused unless the trainer follows that candidate on that certification. */
export async function commentRehearsal(db: Kysely<Database>, input: { trainerId: string; answerId: string; body: string; idempotencyKey: string; now: Date }): Promise<CommentOutcome> {
	if (!isUuid(input.answerId)) return { kind: 'forbidden' };
	const body = tidy(input.body);
	if (!body) return { kind: 'invalid', message: 'Écrivez votre commentaire.' };
	if (body.length > COMMENT_MAX) return { kind: 'invalid', message: `Votre commentaire dépasse ${COMMENT_MAX} caractères (${body.length}).` };
	if (!isUuid(input.idempotencyKey)) return { kind: 'invalid', message: 'Formulaire incomplet : rechargez la page.' };
	const version = await rehearsals.findVersion(db, input.answerId);
	if (!version || !(await sharedCertifications(db, input.trainerId, version.userId)).has(certificationOf(version.competenceId))) return { kind: 'forbidden' };
	await rehearsals.insertComment(db, { answerId: version.id, authorId: input.trainerId, body, idempotencyKey: input.idempotencyKey, at: input.now });
	return { kind: 'commented', candidateId: version.userId };
}

export const listFollowedRehearsers = rehearsals.listFollowedRehearsers;
