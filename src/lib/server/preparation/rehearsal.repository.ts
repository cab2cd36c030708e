import { sql } from 'kysely';
import type { Executor } from '../db';

export interface RehearsalVersion {
	id: string;
	userId: string;
	competenceId: string;
	questionId: string;
	body: string;
	/** The point texts ticked for this version; null until the candidate ticks. */
	coveredPoints: string[] | null;
	createdAt: Date;
}

export interface RehearsalComment {
	id: string;
	answerId: string;
	authorId: string | null;
	/** null once the author's account is deleted. */
	authorName: string | null;
	body: string;
	createdAt: Date;
}

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const VERSION_COLUMNS = ['id', 'user_id', 'competence_id', 'question_id', 'body', 'covered_points', 'created_at'] as const;

function toVersion(row: { id: string; user_id: string; competence_id: string; question_id: string; body: string; covered_points: unknown; created_at: Date | string }): RehearsalVersion {
	return {
		id: row.id,
		userId: row.user_id,
		competenceId: row.competence_id,
		questionId: row.question_id,
		body: row.body,
		coveredPoints: row.covered_points === null ? null : parseJson<string[]>(row.covered_points),
		createdAt: new Date(row.created_at)
	};
}

export async function insertVersion(db: Executor, version: { userId: string; competenceId: string; questionId: string; body: string; idempotencyKey: string; at: Date }): Promise<string> {
	const row = await db
		.insertInto('rehearsal_answer')
		.values({ user_id: version.userId, competence_id: version.competenceId, question_id: version.questionId, body: version.body, idempotency_key: version.idempotencyKey, created_at: version.at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function findVersionByKey(db: Executor, userId: string, idempotencyKey: string): Promise<RehearsalVersion | null> {
	const row = await db.selectFrom('rehearsal_answer').select(VERSION_COLUMNS).where('user_id', '=', userId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
	return row ? toVersion(row) : null;
}

export async function findVersion(db: Executor, answerId: string): Promise<RehearsalVersion | null> {
	const row = await db.selectFrom('rehearsal_answer').select(VERSION_COLUMNS).where('id', '=', answerId).executeTakeFirst();
	return row ? toVersion(row) : null;
}

/** Every version of the user's answer to a question, newest first. */
export async function listVersions(db: Executor, userId: string, questionId: string): Promise<RehearsalVersion[]> {
	const rows = await db.selectFrom('rehearsal_answer').select(VERSION_COLUMNS).where('user_id', '=', userId).where('question_id', '=', questionId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
	return rows.map(toVersion);
}

/** Every version of the user's answers, on these competences or all, newest first. */
export async function listUserVersions(db: Executor, userId: string, competenceIds?: string[]): Promise<RehearsalVersion[]> {
	if (competenceIds && competenceIds.length === 0) return [];
	let query = db.selectFrom('rehearsal_answer').select(VERSION_COLUMNS).where('user_id', '=', userId);
	if (competenceIds) query = query.where('competence_id', 'in', competenceIds);
	const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
	return rows.map(toVersion);
}

export async function setCoveredPoints(db: Executor, answerId: string, points: string[]): Promise<void> {
	await db.updateTable('rehearsal_answer').set({ covered_points: JSON.stringify(points) }).where('id', '=', answerId).execute();
}

export async function insertComment(db: Executor, comment: { answerId: string; authorId: string; body: string; idempotencyKey: string; at: Date }): Promise<void> {
	await db
		.insertInto('rehearsal_comment')
		.values({ answer_id: comment.answerId, author_id: comment.authorId, body: comment.body, idempotency_key: comment.idempotencyKey, created_at: comment.at })
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.execute();
}

export async function listComments(db: Executor, answerIds: string[]): Promise<RehearsalComment[]> {
	if (answerIds.length === 0) return [];
	const rows = await db
		.selectFrom('rehearsal_comment')
		.leftJoin('app_user', 'app_user.id', 'rehearsal_comment.author_id')
		.select(['rehearsal_comment.id', 'rehearsal_comment.answer_id', 'rehearsal_comment.author_id', 'app_user.display_name', 'rehearsal_comment.body', 'rehearsal_comment.created_at'])
		.where('rehearsal_comment.answer_id', 'in', answerIds)
		.orderBy('rehearsal_comment.created_at')
		.execute();
	return rows.map((row) => ({ id: row.id, answerId: row.answer_id, authorId: row.author_id, authorName: row.display_name, body: row.body, createdAt: new Date(row.created_at) }));
}

/** The candidates the trainer follows (a shared group) who have rehearsed on that group's certification, with their count of answered questions. */
export async function listFollowedRehearsers(db: Executor, trainerId: string): Promise<{ candidateId: string; name: string; questions: number; lastAt: Date }[]> {
	const rows = await db
		.selectFrom('rehearsal_answer')
		.innerJoin('app_user', 'app_user.id', 'rehearsal_answer.user_id')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('group_member')
					.innerJoin('group_trainer', 'group_trainer.group_id', 'group_member.group_id')
					.innerJoin('trainer_group', 'trainer_group.id', 'group_member.group_id')
					.select('group_member.group_id')
					.whereRef('group_member.candidate_id', '=', 'rehearsal_answer.user_id')
					.where('group_trainer.trainer_id', '=', trainerId)
					// Competence ids start with their certification's: « tci.c1 » belongs to « tci ».
					.where(sql<boolean>`rehearsal_answer.competence_id like trainer_group.certification_id || '.%'`)
			)
		)
		.select(['rehearsal_answer.user_id', 'app_user.display_name', (eb) => eb.fn.count<number>('rehearsal_answer.question_id').distinct().as('questions'), (eb) => eb.fn.max('rehearsal_answer.created_at').as('last_at')])
		.groupBy(['rehearsal_answer.user_id', 'app_user.display_name'])
		.orderBy('app_user.display_name')
		.execute();
	return rows.map((row) => ({ candidateId: row.user_id, name: row.display_name, questions: Number(row.questions), lastAt: new Date(row.last_at as Date) }));
}
