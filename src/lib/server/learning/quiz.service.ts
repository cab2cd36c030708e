import type { Kysely } from 'kysely';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import type { Module } from '../content/types';
import { masteryOf } from '../mastery/model';
import { findSummaries } from '../mastery/summary.repository';
import { touchEnrolment } from './enrolment.repository';
import { recordEvidence } from './evidence.repository';
import { newDrawSeed } from './attempt-draw';
import { gradeResponse, type QuizResponse } from './grading';
import { drawAdaptiveQuiz, fullQuiz } from './quiz-draw';

export type QuizMode = 'adaptive' | 'full';

export interface StoredAnswer {
	itemId: string;
	response: QuizResponse;
	score: number;
	createdAt: Date;
}

export interface QuizSession {
	id: string;
	competenceId: string;
	mode: QuizMode;
	itemIds: string[];
	status: 'open' | 'finished';
	startedAt: Date;
	answers: Map<string, StoredAnswer>;
	/** The session's secret seed: the order and tokens its pages show (see attempt-draw.ts). */
	drawSeed: string;
}

function parseJson<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Starts a quiz on a module, or resumes the unfinished one of the same kind: a candidate who
 * reloads, logs in again or clicks twice finds the quiz where it stopped.
 */
export async function startQuizSession(
	db: Kysely<Database>,
	input: { userId: string; module: Module; mode: QuizMode; now: Date; random?: () => number; drawSeed?: string }
): Promise<string> {
	const { userId, module, mode, now } = input;
	const open = await db
		.selectFrom('quiz_session')
		.select('id')
		.where('user_id', '=', userId)
		.where('competence_id', '=', module.competenceId)
		.where('mode', '=', mode)
		.where('status', '=', 'open')
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	if (open) return open.id;

	let itemIds: string[];
	if (mode === 'full') {
		itemIds = fullQuiz(module.quiz);
	} else {
		const criteria = [...new Set(module.quiz.flatMap((item) => item.criteria))];
		const summaries = await findSummaries(db, userId, criteria);
		const mastery = new Map([...summaries].map(([id, summary]) => [id, masteryOf(summary, now).estimate]));
		const seen = module.quiz.length
			? await db
					.selectFrom('quiz_answer')
					.select(['item_id', (eb) => eb.fn.max('created_at').as('last')])
					.where('user_id', '=', userId)
					.where(
						'item_id',
						'in',
						module.quiz.map((item) => item.id)
					)
					.groupBy('item_id')
					.execute()
			: [];
		const lastSeen = new Map(seen.map((row) => [row.item_id, new Date(row.last as Date)]));
		itemIds = drawAdaptiveQuiz(module.quiz, { mastery, lastSeen, now, random: input.random ?? Math.random });
	}
	if (itemIds.length === 0) throw new Error(`Le module ${module.competenceId} n'a pas de quiz.`);
	const created = await db
		.insertInto('quiz_session')
		.values({ user_id: userId, competence_id: module.competenceId, mode, item_ids: JSON.stringify(itemIds), draw_seed: input.drawSeed ?? newDrawSeed() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/** The session with its answers, only if it belongs to this user. */
export async function findQuizSession(db: Executor, userId: string, sessionId: string): Promise<QuizSession | null> {
	if (!isUuid(sessionId)) return null;
	const row = await db.selectFrom('quiz_session').selectAll().where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
	if (!row) return null;
	const answers = await db
		.selectFrom('quiz_answer')
		.select(['item_id', 'response', 'score', 'created_at'])
		.where('session_id', '=', sessionId)
		.orderBy('created_at')
		.execute();
	return {
		id: row.id,
		competenceId: row.competence_id,
		mode: row.mode,
		itemIds: parseJson<string[]>(row.item_ids),
		status: row.status,
		startedAt: new Date(row.started_at),
		drawSeed: row.draw_seed,
		answers: new Map(
			answers.map((answer) => [
				answer.item_id,
				{ itemId: answer.item_id, response: parseJson<QuizResponse>(answer.response), score: answer.score, createdAt: new Date(answer.created_at) }
			])
		)
	};
}

/** Open sessions of the user on these modules, for "resume" links. */
export async function listOpenQuizSessions(db: Executor, userId: string, competenceIds: string[]): Promise<{ id: string; competenceId: string; mode: QuizMode }[]> {
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

export type SubmitOutcome =
	/** recorded now; or the same submission seen again (idempotency key); or the item was answered from elsewhere */
	| { kind: 'recorded' | 'duplicate' | 'already-answered'; answer: StoredAnswer; sessionFinished: boolean }
	| { kind: 'finished' }
	| { kind: 'not-found' }
	| { kind: 'not-in-session' };

export interface SubmitAnswerInput {
	userId: string;
	sessionId: string;
	itemId: string;
	idempotencyKey: string;
	response: QuizResponse;
	module: Module;
	now: Date;
	equivalentsOf: (criterionId: string) => string[];
}

/**
 * Records an answer, its grade and its evidence in one transaction. The same submission
 * (idempotency key) or a second answer to the same question (another tab) records nothing more
 * and returns the answer already stored, so nothing is lost or counted twice.
 */
export async function submitQuizAnswer(db: Kysely<Database>, input: SubmitAnswerInput): Promise<SubmitOutcome> {
	const item = input.module.quiz.find((candidate) => candidate.id === input.itemId);
	return withTransaction(db, async (tx) => {
		// The session row lock serialises every submission to this session.
		const session = await tx
			.selectFrom('quiz_session')
			.select(['id', 'status', 'item_ids', 'competence_id'])
			.where('id', '=', input.sessionId)
			.where('user_id', '=', input.userId)
			.forUpdate()
			.executeTakeFirst();
		if (!session) return { kind: 'not-found' } as const;

		const stored = async (where: 'key' | 'item') => {
			let query = tx.selectFrom('quiz_answer').select(['item_id', 'response', 'score', 'created_at']).where('user_id', '=', input.userId);
			query =
				where === 'key'
					? query.where('idempotency_key', '=', input.idempotencyKey)
					: query.where('session_id', '=', input.sessionId).where('item_id', '=', input.itemId);
			const row = await query.executeTakeFirst();
			return row
				? { itemId: row.item_id, response: parseJson<QuizResponse>(row.response), score: row.score, createdAt: new Date(row.created_at) }
				: null;
		};
		const finished = session.status === 'finished';
		const byKey = await stored('key');
		if (byKey) return { kind: 'duplicate', answer: byKey, sessionFinished: finished } as const;
		const byItem = await stored('item');
		if (byItem) return { kind: 'already-answered', answer: byItem, sessionFinished: finished } as const;
		if (finished) return { kind: 'finished' } as const;
		const itemIds = parseJson<string[]>(session.item_ids);
		if (!item || !itemIds.includes(input.itemId)) return { kind: 'not-in-session' } as const;

		const score = gradeResponse(item, input.response);
		await tx
			.insertInto('quiz_answer')
			.values({
				session_id: input.sessionId,
				user_id: input.userId,
				item_id: item.id,
				response: JSON.stringify(input.response),
				score,
				content_version: input.module.contentVersion,
				idempotency_key: input.idempotencyKey,
				created_at: input.now
			})
			.execute();
		await recordEvidence(
			tx,
			input.userId,
			item.criteria.map((criterionId) => ({ criterionId, source: 'quiz', score, itemRef: item.id, contentVersion: input.module.contentVersion })),
			input.now,
			input.equivalentsOf
		);
		const answered = await tx
			.selectFrom('quiz_answer')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('session_id', '=', input.sessionId)
			.executeTakeFirstOrThrow();
		const sessionFinished = Number(answered.count) >= itemIds.length;
		if (sessionFinished) {
			await tx.updateTable('quiz_session').set({ status: 'finished', finished_at: input.now }).where('id', '=', input.sessionId).execute();
		}
		await touchEnrolment(tx, input.userId, input.module.certificationId, input.module.competenceId, input.now);
		return { kind: 'recorded', answer: { itemId: item.id, response: input.response, score, createdAt: input.now }, sessionFinished } as const;
	});
}
