import type { Kysely } from 'kysely';
import type { Catalog, Module } from '../content/types';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { isEnrolled } from '../enrolment/enrolment-rule';
import { touchEnrolment } from '../enrolment/enrolment.repository';
import { appendEvidence } from '../evidence/ledger';
import { findSummaries } from '../evidence/summary.repository';
import { masteryOf } from '../mastery/model';
import { newDrawSeed } from './attempt-draw';
import { gradeResponse, type QuizResponse } from './grading';
import { drawAdaptiveQuiz, fullQuiz } from './quiz-draw';
import type { QuizMode } from './quiz-mode';
import * as quizzes from './quiz.repository';

export type { QuizMode };
export type { StoredAnswer } from './quiz.repository';

export interface QuizSession extends Omit<quizzes.QuizSessionRow, 'userId'> {
	answers: Map<string, quizzes.StoredAnswer>;
}

export type StartOutcome = { kind: 'started'; sessionId: string } | { kind: 'not-enrolled' } | { kind: 'empty' };

/**
 * Starts a quiz on a module, or resumes the unfinished one of the same kind: a candidate who
 * reloads, logs in again or clicks twice finds the quiz where it stopped. Only a candidate
 * enrolled in the module's certification may start one.
 */
export async function startQuizSession(
	db: Kysely<Database>,
	input: { userId: string; module: Module; mode: QuizMode; now: Date; random?: () => number; drawSeed?: string }
): Promise<StartOutcome> {
	const { userId, module, mode, now } = input;
	if (!(await isEnrolled(db, userId, module.certificationId))) return { kind: 'not-enrolled' };
	const open = await quizzes.findOpenSessionId(db, userId, module.competenceId, mode);
	if (open) return { kind: 'started', sessionId: open };

	let itemIds: string[];
	if (mode === 'full') {
		itemIds = fullQuiz(module.quiz);
	} else {
		const criteria = [...new Set(module.quiz.flatMap((item) => item.criteria))];
		const summaries = await findSummaries(db, userId, criteria);
		const mastery = new Map([...summaries].map(([id, summary]) => [id, masteryOf(summary, now).estimate]));
		const lastSeen = await quizzes.findLastAnsweredAt(db, userId, module.quiz.map((item) => item.id));
		itemIds = drawAdaptiveQuiz(module.quiz, { mastery, lastSeen, now, random: input.random ?? Math.random });
	}
	if (itemIds.length === 0) return { kind: 'empty' };
	const sessionId = await quizzes.insertSession(db, { userId, competenceId: module.competenceId, mode, itemIds, drawSeed: input.drawSeed ?? newDrawSeed() });
	return { kind: 'started', sessionId };
}

/** The session with its answers, only if it belongs to this user. */
export async function findQuizSession(db: Executor, userId: string, sessionId: string): Promise<QuizSession | null> {
	if (!isUuid(sessionId)) return null;
	const session = await quizzes.findSession(db, userId, sessionId);
	if (!session) return null;
	const answers = await quizzes.findSessionAnswers(db, sessionId);
	const { userId: _owner, ...rest } = session;
	return { ...rest, answers: new Map(answers.map((answer) => [answer.itemId, answer])) };
}

/** Open sessions of the user on these modules, for "resume" links. */
export const listOpenQuizSessions = quizzes.listOpenSessions;

export type SubmitOutcome =
	/** recorded now; or the same submission seen again (idempotency key); or the item was answered from elsewhere */
	| { kind: 'recorded' | 'duplicate' | 'already-answered'; answer: quizzes.StoredAnswer; sessionFinished: boolean }
	| { kind: 'finished' }
	| { kind: 'not-found' }
	| { kind: 'not-enrolled' }
	| { kind: 'not-in-session' }
	/** The idempotency key was already used for an answer to another item: a replayed form of another page. */
	| { kind: 'key-reused' };

export interface SubmitAnswerInput {
	userId: string;
	sessionId: string;
	itemId: string;
	idempotencyKey: string;
	response: QuizResponse;
	module: Module;
	catalog: Pick<Catalog, 'equivalentsOf'>;
	now: Date;
}

/**
 * Records an answer, its grade and its evidence in one transaction. The same submission
 * (idempotency key) or a second answer to the same question (another tab) records nothing more
 * and returns the answer already stored, so nothing is lost or counted twice.
 */
export async function submitQuizAnswer(db: Kysely<Database>, input: SubmitAnswerInput): Promise<SubmitOutcome> {
	const item = input.module.quiz.find((candidate) => candidate.id === input.itemId);
	if (!isUuid(input.sessionId)) return { kind: 'not-found' };
	return withTransaction(db, async (tx) => {
		// The session row lock serialises every submission to this session.
		const session = await quizzes.findSession(tx, input.userId, input.sessionId, true);
		if (!session || session.competenceId !== input.module.competenceId) return { kind: 'not-found' } as const;
		if (!(await isEnrolled(tx, input.userId, input.module.certificationId))) return { kind: 'not-enrolled' } as const;
		const finished = session.status === 'finished';
		const byKey = await quizzes.findAnswerByKey(tx, input.userId, input.idempotencyKey);
		if (byKey) return byKey.itemId === input.itemId ? ({ kind: 'duplicate', answer: byKey, sessionFinished: finished } as const) : ({ kind: 'key-reused' } as const);
		const byItem = await quizzes.findAnswerToItem(tx, input.sessionId, input.itemId);
		if (byItem) return { kind: 'already-answered', answer: byItem, sessionFinished: finished } as const;
		if (finished) return { kind: 'finished' } as const;
		if (!item || !session.itemIds.includes(input.itemId)) return { kind: 'not-in-session' } as const;

		const score = gradeResponse(item, input.response);
		const answer = { itemId: item.id, response: input.response, score, createdAt: input.now, idempotencyKey: input.idempotencyKey };
		await quizzes.insertAnswer(tx, { sessionId: input.sessionId, userId: input.userId, itemId: item.id, response: input.response, score, contentVersion: input.module.contentVersion, idempotencyKey: input.idempotencyKey, at: input.now });
		await appendEvidence(
			tx,
			input.catalog,
			input.userId,
			item.criteria.map((criterionId) => ({ criterionId, source: 'quiz' as const, score, itemRef: item.id, contentVersion: input.module.contentVersion })),
			input.now
		);
		const sessionFinished = (await quizzes.countSessionAnswers(tx, input.sessionId)) >= session.itemIds.length;
		if (sessionFinished) await quizzes.finishSession(tx, input.sessionId, input.now);
		await touchEnrolment(tx, input.userId, input.module.certificationId, input.module.competenceId, input.now);
		return { kind: 'recorded', answer, sessionFinished } as const;
	});
}
