import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { startQuizSession } from '../../src/lib/server/learning/quiz.service';
import { startScenarioRun } from '../../src/lib/server/learning/scenario.service';

/** Starts (or resumes) a quiz and returns its id; the test fails loudly if it was refused. */
export async function startedQuiz(db: Kysely<Database>, input: Parameters<typeof startQuizSession>[1]): Promise<string> {
	const outcome = await startQuizSession(db, input);
	if (outcome.kind !== 'started') throw new Error(`quiz non démarré : ${outcome.kind}`);
	return outcome.sessionId;
}

/** Starts (or resumes) a scenario run and returns its id; the test fails loudly if it was refused. */
export async function startedRun(db: Kysely<Database>, input: Parameters<typeof startScenarioRun>[1]): Promise<string> {
	const outcome = await startScenarioRun(db, input);
	if (outcome.kind !== 'started') throw new Error(`cas non démarré : ${outcome.kind}`);
	return outcome.runId;
}
