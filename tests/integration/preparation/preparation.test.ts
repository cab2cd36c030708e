import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import { addMember, addTrainer, deleteMember, insertGroup } from '../../../src/lib/server/groups/groups.repository';
import { generateJoinCode, generateJoinToken } from '../../../src/lib/server/groups/join-code';
import type { QuizResponse } from '../../../src/lib/server/learning/grading';
import { findPreparationSession, preparationStandings, startPreparationQuiz, submitPreparationAnswer } from '../../../src/lib/server/preparation/preparation.service';
import { commentRehearsal, listFollowedRehearsers, myRehearsals, rehearsalsForTrainer, saveRehearsal, tickPoints } from '../../../src/lib/server/preparation/rehearsal.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

const { catalog } = loadCatalog(readContentFiles(path.resolve('content')));
const preparation = catalog.preparations.find((candidate) => candidate.certificationId === 'tci')!;
const competence = catalog.competences.get('tci.c1')!;
const question = catalog.questions.get('tci.c1')?.[0] ?? { id: 'tci.c1.o1', criteria: [competence.criteria[0]!.id], question: 'Comment avez-vous choisi vos sources ?', points: ['Les sources sont nommées.', 'Leur fiabilité est évaluée.'] };

/** The right answer to a preparation item, as the form would send it once parsed. */
function rightResponse(item: (typeof preparation.quiz)[number]): QuizResponse {
	switch (item.type) {
		case 'single':
			return { type: 'single', choice: item.choices.find((choice) => choice.correct)!.id };
		case 'multiple':
			return { type: 'multiple', choices: item.choices.filter((choice) => choice.correct).map((choice) => choice.id) };
		case 'numeric':
			return { type: 'numeric', value: item.answer, raw: String(item.answer) };
		case 'ordering':
			return { type: 'ordering', order: item.steps.map((step) => step.id) };
		case 'matching':
			return { type: 'matching', matches: Object.fromEntries(item.pairs.map((pair) => [pair.id, pair.id])) };
	}
}

async function groupWith(db: TestDatabase['db'], trainerId: string, candidateId: string): Promise<string> {
	const groupId = await insertGroup(db, { name: `Groupe ${randomUUID().slice(0, 6)}`, certificationId: 'tci', kind: 'formation', startsOn: null, endsOn: null, evaluationOn: null }, generateJoinCode(), generateJoinToken());
	await addTrainer(db, groupId, trainerId);
	await addMember(db, groupId, candidateId, new Date());
	return groupId;
}

describeEachEngine('evaluation preparation', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	describe('the « Préparer l’évaluation » quiz', () => {
		it('grades answers in its own tables and leaves the evidence ledger and the summaries untouched', async () => {
			const userId = await insertTestUser(database.db, { enrolIn: ['tci'] });
			const started = await startPreparationQuiz(database.db, { userId, preparation });
			expect(started.kind).toBe('started');
			const sessionId = (started as { sessionId: string }).sessionId;
			// A second click resumes the same session.
			expect(await startPreparationQuiz(database.db, { userId, preparation })).toEqual(started);
			const now = new Date();
			for (const item of preparation.quiz) {
				const outcome = await submitPreparationAnswer(database.db, { userId, sessionId, itemId: item.id, idempotencyKey: randomUUID(), response: rightResponse(item), preparation, now });
				expect(outcome).toMatchObject({ kind: 'recorded', answer: { score: 1 } });
			}
			const session = await findPreparationSession(database.db, userId, sessionId);
			expect(session).toMatchObject({ status: 'finished' });
			expect(session!.answers.size).toBe(preparation.quiz.length);

			const evidence = await database.db.selectFrom('evidence').select('id').where('user_id', '=', userId).execute();
			const summaries = await database.db.selectFrom('criterion_summary').select('criterion_id').where('user_id', '=', userId).execute();
			const quizAnswers = await database.db.selectFrom('quiz_answer').select('id').where('user_id', '=', userId).execute();
			expect({ evidence, summaries, quizAnswers }).toEqual({ evidence: [], summaries: [], quizAnswers: [] });

			const standing = (await preparationStandings(database.db, catalog, userId, ['tci'])).get('tci');
			expect(standing).toMatchObject({ status: 'règles connues', right: preparation.quiz.length, total: preparation.quiz.length, openSessionId: null });
		});

		it('counts a replayed answer once and refuses a candidate not enrolled or another user’s session', async () => {
			const userId = await insertTestUser(database.db, { enrolIn: ['tci'] });
			const other = await insertTestUser(database.db, { enrolIn: ['tci'] });
			const outsider = await insertTestUser(database.db);
			expect(await startPreparationQuiz(database.db, { userId: outsider, preparation })).toEqual({ kind: 'not-enrolled' });
			const { sessionId } = (await startPreparationQuiz(database.db, { userId, preparation })) as { sessionId: string };
			const item = preparation.quiz[0]!;
			const key = randomUUID();
			const wrong: QuizResponse = item.type === 'single' ? { type: 'single', choice: item.choices.find((choice) => !choice.correct)!.id } : rightResponse(item);
			const first = await submitPreparationAnswer(database.db, { userId, sessionId, itemId: item.id, idempotencyKey: key, response: wrong, preparation, now: new Date() });
			const replay = await submitPreparationAnswer(database.db, { userId, sessionId, itemId: item.id, idempotencyKey: key, response: rightResponse(item), preparation, now: new Date() });
			expect(first.kind).toBe('recorded');
			expect(replay).toMatchObject({ kind: 'duplicate', answer: { score: (first as { answer: { score: number } }).answer.score } });
			expect(await submitPreparationAnswer(database.db, { userId: other, sessionId, itemId: item.id, idempotencyKey: randomUUID(), response: rightResponse(item), preparation, now: new Date() })).toEqual({ kind: 'not-found' });
			expect(await findPreparationSession(database.db, other, sessionId)).toBeNull();
			const rows = await database.db.selectFrom('preparation_answer').select('id').where('session_id', '=', sessionId).execute();
			expect(rows).toHaveLength(1);
			expect((await preparationStandings(database.db, catalog, userId, ['tci'])).get('tci')).toMatchObject({ status: 'en cours', answered: 1, openSessionId: sessionId });
		});
	});

	describe('rehearsing the commission’s questions', () => {
		it('keeps every version as history, ticks points on the latest only, and writes no evidence or self-rating', async () => {
			const userId = await insertTestUser(database.db, { enrolIn: ['tci'] });
			const save = (body: string, idempotencyKey = randomUUID()) =>
				saveRehearsal(database.db, { userId, certificationId: 'tci', competenceId: competence.id, question, body, idempotencyKey, now: new Date() });
			const first = await save('Je suis parti des salons de l’année.');
			expect(first.kind).toBe('saved');
			const key = randomUUID();
			const second = await save('J’ai retenu trois sources datées, et écarté les forums.', key);
			expect(await save('J’ai retenu trois sources datées, et écarté les forums.', key)).toEqual({ kind: 'duplicate', answerId: (second as { answerId: string }).answerId });
			expect((await save('J’ai retenu trois sources datées, et écarté les forums.  ')).kind).toBe('unchanged');
			expect(await save('   ')).toMatchObject({ kind: 'invalid' });

			expect(await tickPoints(database.db, { userId, question, answerId: (first as { answerId: string }).answerId, points: [question.points[0]!] })).toBe('outdated');
			expect(await tickPoints(database.db, { userId, question, answerId: (second as { answerId: string }).answerId, points: [question.points[1]!, 'un point inventé'] })).toBe('ticked');

			const thread = (await myRehearsals(database.db, userId, [competence.id])).get(question.id)!;
			expect(thread.versions.map((version) => version.body)).toEqual(['J’ai retenu trois sources datées, et écarté les forums.', 'Je suis parti des salons de l’année.']);
			expect(thread.versions[0]!.coveredPoints).toEqual([question.points[1]]);
			expect(thread.versions[1]!.coveredPoints).toBeNull();

			const evidence = await database.db.selectFrom('evidence').select('id').where('user_id', '=', userId).execute();
			const summaries = await database.db.selectFrom('criterion_summary').select(['criterion_id', 'self_rating']).where('user_id', '=', userId).execute();
			expect({ evidence, summaries }).toEqual({ evidence: [], summaries: [] });
		});

		it('lets a trainer of the candidate’s group read and comment, and nobody else', async () => {
			const candidate = await insertTestUser(database.db, { enrolIn: ['tci'] });
			const trainer = await insertTestUser(database.db, 'trainer');
			const stranger = await insertTestUser(database.db, 'trainer');
			const groupId = await groupWith(database.db, trainer, candidate);
			// The stranger trains another group, without this candidate.
			await groupWith(database.db, stranger, await insertTestUser(database.db, { enrolIn: ['tci'] }));
			const saved = (await saveRehearsal(database.db, { userId: candidate, certificationId: 'tci', competenceId: competence.id, question, body: 'Ma réponse.', idempotencyKey: randomUUID(), now: new Date() })) as { answerId: string };

			expect(await rehearsalsForTrainer(database.db, stranger, candidate)).toBeNull();
			expect(await commentRehearsal(database.db, { trainerId: stranger, answerId: saved.answerId, body: 'Intrusion', idempotencyKey: randomUUID(), now: new Date() })).toEqual({ kind: 'forbidden' });

			const read = await rehearsalsForTrainer(database.db, trainer, candidate);
			expect(read?.get(question.id)?.versions[0]?.body).toBe('Ma réponse.');
			const key = randomUUID();
			const comment = { trainerId: trainer, answerId: saved.answerId, body: 'Citez vos sources par leur nom.', idempotencyKey: key, now: new Date() };
			expect(await commentRehearsal(database.db, comment)).toEqual({ kind: 'commented', candidateId: candidate });
			await commentRehearsal(database.db, comment);
			const mine = (await myRehearsals(database.db, candidate, [competence.id])).get(question.id)!;
			expect(mine.versions[0]!.comments.map((c) => c.body)).toEqual(['Citez vos sources par leur nom.']);

			// Rehearsals of another certification stay hidden from a TCI group's trainer.
			await database.db.insertInto('enrolment').values({ user_id: candidate, certification_id: 'ra', pathway: 'formation' }).execute();
			const raQuestion = catalog.questions.get('ra.c1')?.[0] ?? { id: 'ra.c1.o1', criteria: ['ra.c1.res1'], question: 'Comment avez-vous qualifié ce client ?', points: ['a', 'b'] };
			const other = (await saveRehearsal(database.db, { userId: candidate, certificationId: 'ra', competenceId: 'ra.c1', question: raQuestion, body: 'Sur une autre certification.', idempotencyKey: randomUUID(), now: new Date() })) as { answerId: string };
			expect([...(await rehearsalsForTrainer(database.db, trainer, candidate))!.keys()]).toEqual([question.id]);
			expect((await commentRehearsal(database.db, { ...comment, answerId: other.answerId, idempotencyKey: randomUUID() })).kind).toBe('forbidden');
			expect((await listFollowedRehearsers(database.db, trainer)).find((row) => row.candidateId === candidate)).toMatchObject({ questions: 1 });

			// Leaving the group ends the trainer's access at once.
			await deleteMember(database.db, groupId, candidate);
			expect(await rehearsalsForTrainer(database.db, trainer, candidate)).toBeNull();
			expect((await commentRehearsal(database.db, { ...comment, idempotencyKey: randomUUID() })).kind).toBe('forbidden');
			expect((await listFollowedRehearsers(database.db, trainer)).find((row) => row.candidateId === candidate)).toBeUndefined();
		});
	});
});
