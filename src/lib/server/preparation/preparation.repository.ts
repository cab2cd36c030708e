import type { Selectable } from 'kysely';
import type { Executor } from '../db';
import type { PreparationAnswerTable, PreparationSessionTable } from '../db/schema';
import type { QuizResponse } from '../learning/grading';

export interface PreparationSessionRow {
	id: string;
	userId: string;
	certificationId: string;
	itemIds: string[];
	status: 'open' | 'finished';
	startedAt: Date;
	/** The session's secret seed: the order and tokens its pages show (see attempt-draw.ts). */
	drawSeed: string;
}

export interface PreparationAnswer {
	itemId: string;
	response: QuizResponse;
	score: number;
	createdAt: Date;
	idempotencyKey: string;
}

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const SESSION_COLUMNS = ['id', 'user_id', 'certification_id', 'item_ids', 'status', 'started_at', 'draw_seed'] as const;
const ANSWER_COLUMNS = ['item_id', 'response', 'score', 'created_at', 'idempotency_key'] as const;

function toSession(row: Pick<Selectable<PreparationSessionTable>, (typeof SESSION_COLUMNS)[number]>): PreparationSessionRow {
	return {
		id: row.id,
		userId: row.user_id,
		certificationId: row.certification_id,
		itemIds: parseJson<string[]>(row.item_ids),
		status: row.status,
		startedAt: new Date(row.started_at),
		drawSeed: row.draw_seed
	};
}

function toAnswer(row: Pick<Selectable<PreparationAnswerTable>, (typeof ANSWER_COLUMNS)[number]>): PreparationAnswer {
	return { itemId: row.item_id, response: parseJson<QuizResponse>(row.response), score: row.score, createdAt: new Date(row.created_at), idempotencyKey: row.idempotency_key };
}

export async function findOpenSessionId(db: Executor, userId: string, certificationId: string): Promise<string | null> {
	const row = await db
		.selectFrom('preparation_session')
		.select('id')
		.where('user_id', '=', userId)
		.where('certification_id', '=', certificationId)
		.where('status', '=', 'open')
		.executeTakeFirst();
	return row?.id ?? null;
}

/** Inserts an open session unless one is already open (two clicks, two tabs): the partial unique index decides. */
export async function insertSessionIfNone(db: Executor, session: { userId: string; certificationId: string; itemIds: string[]; drawSeed: string }): Promise<void> {
	await db
		.insertInto('preparation_session')
		.values({ user_id: session.userId, certification_id: session.certificationId, item_ids: JSON.stringify(session.itemIds), draw_seed: session.drawSeed })
		.onConflict((oc) => oc.columns(['user_id', 'certification_id']).where('status', '=', 'open').doNothing())
		.execute();
}

/** The session, only if it belongs to this user; `lock` holds it for the transaction. */
export async function findSession(db: Executor, userId: string, sessionId: string, lock = false): Promise<PreparationSessionRow | null> {
	let query = db.selectFrom('preparation_session').select(SESSION_COLUMNS).where('id', '=', sessionId).where('user_id', '=', userId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toSession(row) : null;
}

export async function findSessionAnswers(db: Executor, sessionId: string): Promise<PreparationAnswer[]> {
	const rows = await db.selectFrom('preparation_answer').select(ANSWER_COLUMNS).where('session_id', '=', sessionId).orderBy('created_at').execute();
	return rows.map(toAnswer);
}

export async function findAnswerByKey(db: Executor, userId: string, idempotencyKey: string): Promise<PreparationAnswer | null> {
	const row = await db.selectFrom('preparation_answer').select(ANSWER_COLUMNS).where('user_id', '=', userId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
	return row ? toAnswer(row) : null;
}

export async function findAnswerToItem(db: Executor, sessionId: string, itemId: string): Promise<PreparationAnswer | null> {
	const row = await db.selectFrom('preparation_answer').select(ANSWER_COLUMNS).where('session_id', '=', sessionId).where('item_id', '=', itemId).executeTakeFirst();
	return row ? toAnswer(row) : null;
}

export async function insertAnswer(
	db: Executor,
	answer: { sessionId: string; userId: string; itemId: string; response: QuizResponse; score: number; contentVersion: string; idempotencyKey: string; at: Date }
): Promise<void> {
	await db
		.insertInto('preparation_answer')
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
	const row = await db.selectFrom('preparation_answer').select((eb) => eb.fn.countAll<number>().as('count')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function finishSession(db: Executor, sessionId: string, at: Date): Promise<void> {
	await db.updateTable('preparation_session').set({ status: 'finished', finished_at: at }).where('id', '=', sessionId).execute();
}

/** Each item's latest score for the user, per certification asked: what the standing is built from. */
export async function findLatestScores(db: Executor, userId: string, certificationIds: string[]): Promise<{ certificationId: string; itemId: string; score: number; at: Date }[]> {
	if (certificationIds.length === 0) return [];
	const rows = await db
		.selectFrom('preparation_answer')
		.innerJoin('preparation_session', 'preparation_session.id', 'preparation_answer.session_id')
		.select(['preparation_session.certification_id', 'preparation_answer.item_id', 'preparation_answer.score', 'preparation_answer.created_at'])
		.where('preparation_answer.user_id', '=', userId)
		.where('preparation_session.certification_id', 'in', certificationIds)
		.orderBy('preparation_answer.created_at', 'desc')
		.execute();
	const seen = new Set<string>();
	const latest: { certificationId: string; itemId: string; score: number; at: Date }[] = [];
	for (const row of rows) {
		if (seen.has(row.item_id)) continue;
		seen.add(row.item_id);
		latest.push({ certificationId: row.certification_id, itemId: row.item_id, score: row.score, at: new Date(row.created_at) });
	}
	return latest;
}
