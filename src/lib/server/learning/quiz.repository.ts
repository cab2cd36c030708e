import type { Selectable } from 'kysely';
import type { Executor } from '../db';
import type { QuizAnswerTable, QuizSessionTable } from '../db/schema';
import type { QuizResponse } from './grading';
import type { QuizMode } from './quiz-mode';

export interface StoredAnswer {
	itemId: string;
	response: QuizResponse;
	score: number;
	createdAt: Date;
	idempotencyKey: string;
}

export interface QuizSessionRow {
	id: string;
	userId: string;
	competenceId: string;
	mode: QuizMode;
	itemIds: string[];
	status: 'open' | 'finished';
	startedAt: Date;
	/** The session's secret seed: the order and tokens its pages show (see attempt-draw.ts). */
	drawSeed: string;
}

function parseJson<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The one column list and the one mapper of each table. */
const SESSION_COLUMNS = ['id', 'user_id', 'competence_id', 'mode', 'item_ids', 'status', 'started_at', 'draw_seed'] as const;
const ANSWER_COLUMNS = ['item_id', 'response', 'score', 'created_at', 'idempotency_key'] as const;

function toSession(row: Pick<Selectable<QuizSessionTable>, (typeof SESSION_COLUMNS)[number]>): QuizSessionRow {
	return {
		id: row.id,
		userId: row.user_id,
		competenceId: row.competence_id,
		mode: row.mode,
		itemIds: parseJson<string[]>(row.item_ids),
		status: row.status,
		startedAt: new Date(row.started_at),
		drawSeed: row.draw_seed
	};
}

function toAnswer(row: Pick<Selectable<QuizAnswerTable>, (typeof ANSWER_COLUMNS)[number]>): StoredAnswer {
	return { itemId: row.item_id, response: parseJson<QuizResponse>(row.response), score: row.score, createdAt: new Date(row.created_at), idempotencyKey: row.idempotency_key };
}

export async function findOpenSessionId(db: Executor, userId: string, competenceId: string, mode: QuizMode): Promise<string | null> {
	const row = await db
		.selectFrom('quiz_session')
		.select('id')
		.where('user_id', '=', userId)
		.where('competence_id', '=', competenceId)
		.where('mode', '=', mode)
		.where('status', '=', 'open')
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	return row?.id ?? null;
}

/** When the user last answered each of these items: what the adaptive draw avoids repeating. */
export async function findLastAnsweredAt(db: Executor, userId: string, itemIds: string[]): Promise<Map<string, Date>> {
	if (itemIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('quiz_answer')
		.select(['item_id', (eb) => eb.fn.max('created_at').as('last')])
		.where('user_id', '=', userId)
		.where('item_id', 'in', itemIds)
		.groupBy('item_id')
		.execute();
	return new Map(rows.map((row) => [row.item_id, new Date(row.last as Date)]));
}

export async function insertSession(db: Executor, session: { userId: string; competenceId: string; mode: QuizMode; itemIds: string[]; drawSeed: string }): Promise<string> {
	const created = await db
		.insertInto('quiz_session')
		.values({ user_id: session.userId, competence_id: session.competenceId, mode: session.mode, item_ids: JSON.stringify(session.itemIds), draw_seed: session.drawSeed })
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/** The session, only if it belongs to this user; `lock` holds it for the transaction. */
export async function findSession(db: Executor, userId: string, sessionId: string, lock = false): Promise<QuizSessionRow | null> {
	let query = db.selectFrom('quiz_session').select(SESSION_COLUMNS).where('id', '=', sessionId).where('user_id', '=', userId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toSession(row) : null;
}

export async function findSessionAnswers(db: Executor, sessionId: string): Promise<StoredAnswer[]> {
	const rows = await db.selectFrom('quiz_answer').select(ANSWER_COLUMNS).where('session_id', '=', sessionId).orderBy('created_at').execute();
	return rows.map(toAnswer);
}

export async function findAnswerByKey(db: Executor, userId: string, idempotencyKey: string): Promise<StoredAnswer | null> {
	const row = await db.selectFrom('quiz_answer').select(ANSWER_COLUMNS).where('user_id', '=', userId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
	return row ? toAnswer(row) : null;
}

export async function findAnswerToItem(db: Executor, sessionId: string, itemId: string): Promise<StoredAnswer | null> {
	const row = await db.selectFrom('quiz_answer').select(ANSWER_COLUMNS).where('session_id', '=', sessionId).where('item_id', '=', itemId).executeTakeFirst();
	return row ? toAnswer(row) : null;
}

export async function insertAnswer(
	db: Executor,
	answer: { sessionId: string; userId: string; itemId: string; response: QuizResponse; score: number; contentVersion: string; idempotencyKey: string; at: Date }
): Promise<void> {
	await db
		.insertInto('quiz_answer')
		.values({
			session_id: answer.sessionId,
			user_id: answer.userId,
			item_id: answer.itemId,
			response: JSON.stringify(answer.response),
			score: answer.score,
			content_version: answer.contentVersion,
			idempotency_key: answer.idempotencyKey,
			created_at: answer.at
		})
		.execute();
}

export async function countSessionAnswers(db: Executor, sessionId: string): Promise<number> {
	const row = await db.selectFrom('quiz_answer').select((eb) => eb.fn.countAll<number>().as('count')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function finishSession(db: Executor, sessionId: string, at: Date): Promise<void> {
	await db.updateTable('quiz_session').set({ status: 'finished', finished_at: at }).where('id', '=', sessionId).execute();
}

/** Open sessions of the user on these modules, for "resume" links. */
export async function listOpenSessions(db: Executor, userId: string, competenceIds: string[]): Promise<{ id: string; competenceId: string; mode: QuizMode }[]> {
	if (competenceIds.length === 0) return [];
	const rows = await db
		.selectFrom('quiz_session')
		.select(['id', 'competence_id', 'mode'])
		.where('user_id', '=', userId)
		.where('status', '=', 'open')
		.where('competence_id', 'in', competenceIds)
		.execute();
	return rows.map((row) => ({ id: row.id, competenceId: row.competence_id, mode: row.mode }));
}
