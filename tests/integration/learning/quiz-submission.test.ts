import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureFiles } from '../../fixtures/content';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { Module } from '../../../src/lib/server/content/types';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { startQuizSession, submitQuizAnswer, findQuizSession } from '../../../src/lib/server/learning/quiz.service';
import { startedQuiz } from '../../helpers/learning';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

const { catalog } = loadCatalog(fixtureFiles());
const module = catalog.modules[0] as Module;
const right = { type: 'single', choice: 'a' } as const;
const wrong = { type: 'single', choice: 'b' } as const;

describeEachEngine('quiz submission', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	async function newSession(mode: 'full' | 'adaptive' = 'full') {
		const userId = await insertTestUser(database.db, { enrolIn: ['demo'] });
		const sessionId = await startedQuiz(database.db, { userId, module, mode, now: new Date() });
		return { userId, sessionId };
	}

	const submit = (userId: string, sessionId: string, idempotencyKey: string, response: typeof right | typeof wrong = right) =>
		submitQuizAnswer(database.db, { userId, sessionId, itemId: 'demo.c1.q1', idempotencyKey, response, module, now: new Date(), catalog });

	async function countRows(userId: string) {
		const answers = await database.db.selectFrom('quiz_answer').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
		const evidence = await database.db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
		return { answers: Number(answers.n), evidence: Number(evidence.n) };
	}

	it('records an answer with its grade and one evidence row per criterion, in the summary too', async () => {
		const { userId, sessionId } = await newSession();
		const outcome = await submit(userId, sessionId, randomUUID());
		expect(outcome).toMatchObject({ kind: 'recorded', answer: { score: 1 } });
		expect(await countRows(userId)).toEqual({ answers: 1, evidence: 1 });
		const summaries = await findSummaries(database.db, userId);
		expect(summaries.get('demo.c1.met1')).toMatchObject({ evidenceCount: 1, weightedScore: 1, weightedTotal: 1 });
	});

	it('20 concurrent submissions with the same idempotency key give one answer, one set of evidence and the same response', async () => {
		const { userId, sessionId } = await newSession();
		const key = randomUUID();
		const outcomes = await Promise.all(Array.from({ length: 20 }, () => submit(userId, sessionId, key)));
		expect(outcomes.filter((o) => o.kind === 'recorded')).toHaveLength(1);
		expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(19);
		for (const outcome of outcomes) expect(outcome).toMatchObject({ answer: { itemId: 'demo.c1.q1', score: 1 } });
		expect(await countRows(userId)).toEqual({ answers: 1, evidence: 1 });
		expect((await findSummaries(database.db, userId)).get('demo.c1.met1')?.evidenceCount).toBe(1);
	});

	it('concurrent answers to the same question from two tabs keep the run consistent: the first wins', async () => {
		const { userId, sessionId } = await newSession();
		const [first, second] = await Promise.all([submit(userId, sessionId, randomUUID(), right), submit(userId, sessionId, randomUUID(), wrong)]);
		const kinds = [first?.kind, second?.kind].sort();
		expect(kinds).toEqual(['already-answered', 'recorded']);
		const recorded = [first, second].find((o) => o?.kind === 'recorded');
		const other = [first, second].find((o) => o?.kind === 'already-answered');
		// Both tabs are shown the answer that was kept.
		expect(other).toMatchObject({ answer: (recorded as { answer: unknown }).answer });
		expect(await countRows(userId)).toEqual({ answers: 1, evidence: 1 });
		const session = await findQuizSession(database.db, userId, sessionId);
		expect(session?.answers.size).toBe(1);
	});

	it('finishes the quiz on its last answer, then shows later answers to its questions as already given', async () => {
		const { userId, sessionId } = await newSession();
		await submit(userId, sessionId, randomUUID());
		const last = await submitQuizAnswer(database.db, {
			userId, sessionId, itemId: 'demo.c1.q2', idempotencyKey: randomUUID(), response: { type: 'numeric', value: 10000, raw: '10 000' }, module, now: new Date(), catalog
		});
		expect(last).toMatchObject({ kind: 'recorded', sessionFinished: true });
		expect(await submit(userId, sessionId, randomUUID())).toMatchObject({ kind: 'already-answered' });
		const late = await submitQuizAnswer(database.db, {
			userId, sessionId, itemId: 'demo.c1.q2', idempotencyKey: randomUUID(), response: { type: 'numeric', value: 1, raw: '1' }, module, now: new Date(), catalog
		});
		expect(late.kind).toBe('already-answered');
	});

	it('refuses an answer to a finished quiz with its own outcome, not an error', async () => {
		const { userId, sessionId } = await newSession();
		await database.db.updateTable('quiz_session').set({ status: 'finished', finished_at: new Date() }).where('id', '=', sessionId).execute();
		expect(await submit(userId, sessionId, randomUUID())).toEqual({ kind: 'finished' });
		expect(await countRows(userId)).toEqual({ answers: 0, evidence: 0 });
	});

	it('refuses an idempotency key already used for another question', async () => {
		const { userId, sessionId } = await newSession();
		const key = randomUUID();
		await submit(userId, sessionId, key);
		const other = await submitQuizAnswer(database.db, {
			userId, sessionId, itemId: 'demo.c1.q2', idempotencyKey: key, response: { type: 'numeric', value: 10000, raw: '10 000' }, module, now: new Date(), catalog
		});
		expect(other).toEqual({ kind: 'key-reused' });
		expect(await countRows(userId)).toEqual({ answers: 1, evidence: 1 });
	});

	it('starting or answering a module’s quiz without being enrolled is refused by the use case itself', async () => {
		const outsider = await insertTestUser(database.db);
		expect(await startQuizSession(database.db, { userId: outsider, module, mode: 'full', now: new Date() })).toEqual({ kind: 'not-enrolled' });
		// Enrolled, started, then the enrolment goes: answering is refused too.
		const { userId, sessionId } = await newSession();
		await database.db.deleteFrom('enrolment').where('user_id', '=', userId).execute();
		expect(await submit(userId, sessionId, randomUUID())).toEqual({ kind: 'not-enrolled' });
		expect(await countRows(userId)).toEqual({ answers: 0, evidence: 0 });
	});

	it('a user cannot answer in another user’s session', async () => {
		const { sessionId } = await newSession();
		const intruder = await insertTestUser(database.db, { enrolIn: ['demo'] });
		expect(await submit(intruder, sessionId, randomUUID())).toEqual({ kind: 'not-found' });
		expect(await findQuizSession(database.db, intruder, sessionId)).toBeNull();
	});

	it('resumes the unfinished quiz instead of starting another', async () => {
		const { userId, sessionId } = await newSession('adaptive');
		expect(await startedQuiz(database.db, { userId, module, mode: 'adaptive', now: new Date() })).toBe(sessionId);
	});

	it('retries a serialisation failure and loses nothing', async () => {
		// A trigger makes the first insert of an answer fail as PostgreSQL does on a
		// serialisation conflict; a sequence (not rolled back) makes it fail only once.
		await sql`create sequence fail_once_seq`.execute(database.db);
		await sql`
			create function fail_once() returns trigger language plpgsql as $$
			begin
				if nextval('fail_once_seq') = 1 then
					raise exception 'forced serialization failure' using errcode = '40001';
				end if;
				return new;
			end $$`.execute(database.db);
		await sql`create trigger fail_once before insert on quiz_answer for each row execute function fail_once()`.execute(database.db);
		try {
			const { userId, sessionId } = await newSession();
			const outcome = await submit(userId, sessionId, randomUUID());
			expect(outcome.kind).toBe('recorded');
			const { rows } = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from fail_once_seq`.execute(database.db);
			expect(Number(rows[0]?.last_value)).toBe(2); // failed once, then succeeded
			expect(await countRows(userId)).toEqual({ answers: 1, evidence: 1 });
		} finally {
			await sql`drop trigger fail_once on quiz_answer`.execute(database.db);
			await sql`drop function fail_once()`.execute(database.db);
			await sql`drop sequence fail_once_seq`.execute(database.db);
		}
	});

	it('evidence is append-only', async () => {
		const { userId, sessionId } = await newSession();
		await submit(userId, sessionId, randomUUID());
		await expect(sql`update evidence set score = 0 where user_id = ${userId}`.execute(database.db)).rejects.toThrow(/append-only/);
	});
});
