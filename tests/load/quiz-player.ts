// A simulated candidate answering full quizzes as a browser does: the question page is read
// (its tokens are what the form posts), then the answer is posted with an idempotency key.
// Shared by the mixed load (tests/load/mixed-load.ts) and the bench's CPU per answer.
import { randomUUID } from 'node:crypto';
import type { Module } from '../../src/lib/server/content/types';
import { moduleHref } from '../../src/lib/paths';
import { answerFields } from './answer-form';
import type { Acknowledged } from './databases';
import type { Client } from './http-client';

export interface QuizPlayer {
	userId: string;
	client: Client;
	/** The full quiz being answered: its address, its module and the next item's index. */
	quiz: { path: string; module: Module; next: number } | null;
	modules: Module[];
	random: () => number;
}

/** Starts a full quiz on one of the player's modules. */
export async function startQuiz(player: QuizPlayer): Promise<void> {
	const module = player.modules[Math.floor(player.random() * player.modules.length)]!;
	const started = await player.client.postForm(`${moduleHref(module.competenceId)}?/startQuiz`, [['mode', 'full']]);
	if (started.status !== 303 || !started.location) throw new Error(`démarrage du quiz ${module.competenceId} : statut ${started.status}`);
	player.quiz = { path: started.location, module, next: 0 };
}

/**
 * One answer: the page is read (not timed), the form posted inside `time` (timed). Returns
 * null when the app acknowledged a new answer (recorded in `acknowledged`), else why not.
 */
export async function answerNext(
	player: QuizPlayer,
	acknowledged: Acknowledged[],
	time: (post: () => Promise<string | null>) => Promise<void>
): Promise<void> {
	if (!player.quiz || player.quiz.next >= player.quiz.module.quiz.length) await startQuiz(player);
	const quiz = player.quiz!;
	const page = (await player.client.get(quiz.path)).body;
	const item = quiz.module.quiz[quiz.next++]!;
	const { itemToken, fields, right: isRight } = answerFields(item, player.random() < 0.7, page);
	await time(async () => {
		const reply = await player.client.postForm(`${quiz.path}?/answer`, [['item', itemToken], ['idempotency_key', randomUUID()], ...fields]);
		const location = reply.location ?? '';
		if (reply.status === 303 && location.includes('corrige=') && !location.includes('info=')) {
			acknowledged.push({ userId: player.userId, itemId: item.id, criteria: item.criteria.length, right: isRight });
			return null;
		}
		return `réponse non enregistrée : statut ${reply.status} ${location}`;
	});
}
