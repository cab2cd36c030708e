import type { Kysely } from 'kysely';
import type { Catalog, Preparation } from '../content/types';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { isEnrolled } from '../enrolment/enrolment-rule';
import { newDrawSeed } from '../learning/attempt-draw';
import { gradeResponse, type QuizResponse } from '../learning/grading';
import * as sessions from './preparation.repository';
import { standingOf, type PreparationStanding } from './standing';

export type { PreparationAnswer } from './preparation.repository';

export interface PreparationSession extends Omit<sessions.PreparationSessionRow, 'userId'> {
	answers: Map<string, sessions.PreparationAnswer>;
}

export type StartOutcome = { kind: 'started'; sessionId: string } | { kind: 'not-enrolled' } | { kind: 'empty' };

/**
 * Starts the preparation quiz of a certification (every item, in the authored order; options
 * drawn per session), or resumes the open one. Only a candidate enrolled in the certification.
 */
export async function startPreparationQuiz(db: Kysely<Database>, input: { userId: string; preparation: Preparation; drawSeed?: string }): Promise<StartOutcome> {
	const { userId, preparation } = input;
	if (!(await isEnrolled(db, userId, preparation.certificationId))) return { kind: 'not-enrolled' };
	if (preparation.quiz.length === 0) return { kind: 'empty' };
	const open = await sessions.findOpenSessionId(db, userId, preparation.certificationId);
	if (open) return { kind: 'started', sessionId: open };
	await sessions.insertSessionIfNone(db, { userId, certificationId: preparation.certificationId, itemIds: preparation.quiz.map((item) => item.id), drawSeed: input.drawSeed ?? newDrawSeed() });
	const created = await sessions.findOpenSessionId(db, userId, preparation.certificationId);
	if (!created) throw new Error('session de préparation introuvable après sa création');
	return { kind: 'started', sessionId: created };
}

/** The session with its answers, only if it belongs to this user. */
export async function findPreparationSession(db: Executor, userId: string, sessionId: string): Promise<PreparationSession | null> {
	if (!isUuid(sessionId)) return null;
	const session = await sessions.findSession(db, userId, sessionId);
	if (!session) return null;
	const answers = await sessions.findSessionAnswers(db, sessionId);
	const { userId: _owner, ...rest } = session;
	return { ...rest, answers: new Map(answers.map((answer) => [answer.itemId, answer])) };
}

export type SubmitOutcome =
	| { kind: 'recorded' | 'duplicate' | 'already-answered'; answer: sessions.PreparationAnswer; sessionFinished: boolean }
	| { kind: 'finished' }
	| { kind: 'not-found' }
	| { kind: 'not-enrolled' }
	| { kind: 'not-in-session' }
	| { kind: 'key-reused' };

/**
 * Grades and records an answer to a preparation item in its own table, in one transaction.
 * Nothing is written to the evidence ledger or the summaries: these items are about the
 * certifier's rules, not about a criterion. Replays (idempotency key) and second answers
 * (another tab) return the stored answer.
 */
export async function submitPreparationAnswer(
	db: Kysely<Database>,
	input: { userId: string; sessionId: string; itemId: string; idempotencyKey: string; response: QuizResponse; preparation: Preparation; now: Date }
): Promise<SubmitOutcome> {
	if (!isUuid(input.sessionId)) return { kind: 'not-found' };
	const item = input.preparation.quiz.find((candidate) => candidate.id === input.itemId);
	return withTransaction(db, async (tx) => {
		const session = await sessions.findSession(tx, input.userId, input.sessionId, true);
		if (!session || session.certificationId !== input.preparation.certificationId) return { kind: 'not-found' } as const;
		if (!(await isEnrolled(tx, input.userId, session.certificationId))) return { kind: 'not-enrolled' } as const;
		const finished = session.status === 'finished';
		const byKey = await sessions.findAnswerByKey(tx, input.userId, input.idempotencyKey);
		if (byKey) return byKey.itemId === input.itemId ? ({ kind: 'duplicate', answer: byKey, sessionFinished: finished } as const) : ({ kind: 'key-reused' } as const);
		const byItem = await sessions.findAnswerToItem(tx, input.sessionId, input.itemId);
		if (byItem) return { kind: 'already-answered', answer: byItem, sessionFinished: finished } as const;
		if (finished) return { kind: 'finished' } as const;
		if (!item || !session.itemIds.includes(input.itemId)) return { kind: 'not-in-session' } as const;

		const score = gradeResponse(item, input.response);
		await sessions.insertAnswer(tx, { sessionId: input.sessionId, userId: input.userId, itemId: item.id, response: input.response, score, contentVersion: input.preparation.contentVersion, idempotencyKey: input.idempotencyKey, at: input.now });
		const sessionFinished = (await sessions.countSessionAnswers(tx, input.sessionId)) >= session.itemIds.length;
		if (sessionFinished) await sessions.finishSession(tx, input.sessionId, input.now);
		return { kind: 'recorded', answer: { itemId: item.id, response: input.response, score, createdAt: input.now, idempotencyKey: input.idempotencyKey }, sessionFinished } as const;
	});
}

/** The « préparation » standing of each of these certifications that has a preparation module. */
export async function preparationStandings(db: Executor, catalog: Pick<Catalog, 'preparations'>, userId: string, certificationIds: string[]): Promise<Map<string, PreparationStanding & { openSessionId: string | null }>> {
	const preparations = catalog.preparations.filter((preparation) => certificationIds.includes(preparation.certificationId));
	const latest = await sessions.findLatestScores(db, userId, preparations.map((preparation) => preparation.certificationId));
	const result = new Map<string, PreparationStanding & { openSessionId: string | null }>();
	for (const preparation of preparations) {
		const standing = standingOf(preparation.certificationId, preparation.quiz.map((item) => item.id), latest.filter((answer) => answer.certificationId === preparation.certificationId));
		result.set(preparation.certificationId, { ...standing, openSessionId: await sessions.findOpenSessionId(db, userId, preparation.certificationId) });
	}
	return result;
}
