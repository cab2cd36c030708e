// Quiz answers under load for `npm run bench`: fresh candidates (seeded before the app starts)
// enrol, then each answers full quizzes in a closed loop for a fixed time; the post alone is
// timed. The app's CPU over that loop also pays for the question page each answer is read
// from, so a second, shorter phase reads question pages alone: the CPU of one answer post is
// the loop's CPU less its page reads at that rate.
import type { Module } from '../../src/lib/server/content/types';
import type { RunningApp } from '../support/app-server';
import { seededRandom } from '../helpers/random';
import type { Acknowledged, Candidate } from '../load/databases';
import { createClient } from '../load/http-client';
import { answerNext, type QuizPlayer } from '../load/quiz-player';
import { percentile } from '../load/series';

export interface AnswerLoad {
	answers: number;
	errors: number;
	p50: number;
	p95: number;
	p99: number;
	perSecond: number;
	/** App CPU per answer post, the question page it was read from excluded. */
	cpuPerRequest: number | null;
	/** App CPU per question page read (the GET before each answer). */
	cpuPerPageRead: number | null;
	acknowledged: Acknowledged[];
}

export async function runAnswerLoad(app: RunningApp, candidates: Candidate[], modules: Module[], certificationId: string, seconds: number): Promise<AnswerLoad> {
	const players: QuizPlayer[] = candidates.map((candidate, index) => ({
		userId: candidate.userId,
		client: createClient(app.origin, candidate.token),
		quiz: null,
		modules,
		random: seededRandom(2000 + index)
	}));
	const acknowledged: Acknowledged[] = [];
	const latencies: number[] = [];
	let errors = 0;
	const time = async (post: () => Promise<string | null>) => {
		const sent = performance.now();
		const error = await post().catch((failure: Error) => failure.message);
		latencies.push(performance.now() - sent);
		if (error) errors++;
	};
	const loop = async (durationMs: number) => {
		const end = performance.now() + durationMs;
		await Promise.all(players.map(async (player) => { while (performance.now() < end) await answerNext(player, acknowledged, time); }));
	};
	try {
		for (const player of players) {
			const enrolled = await player.client.postForm('/candidat?/enrol', [['certification', certificationId], ['pathway', 'formation']]);
			if (enrolled.status !== 303) throw new Error(`inscription : statut ${enrolled.status}`);
		}
		await loop(2_000); // warm-up
		latencies.length = 0;
		errors = 0;
		const cpuBefore = app.cpuMs();
		const started = performance.now();
		await loop(seconds * 1000);
		const elapsed = (performance.now() - started) / 1000;
		const cpuAfter = app.cpuMs();
		// The question pages alone, as many players, half the time.
		let reads = 0;
		const readsBefore = app.cpuMs();
		const readEnd = performance.now() + (seconds * 1000) / 2;
		await Promise.all(players.map(async (player) => {
			while (performance.now() < readEnd && player.quiz) {
				await player.client.get(player.quiz.path);
				reads++;
			}
		}));
		const readsAfter = app.cpuMs();
		const cpuPerPageRead = readsBefore !== null && readsAfter !== null && reads ? (readsAfter - readsBefore) / reads : null;
		latencies.sort((a, b) => a - b);
		const loopCpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
		return {
			answers: latencies.length,
			errors,
			p50: percentile(latencies, 50),
			p95: percentile(latencies, 95),
			p99: percentile(latencies, 99),
			perSecond: latencies.length / elapsed,
			cpuPerRequest: loopCpu !== null && cpuPerPageRead !== null && latencies.length ? loopCpu / latencies.length - cpuPerPageRead : null,
			cpuPerPageRead,
			acknowledged
		};
	} finally {
		for (const player of players) player.client.close();
	}
}
