import { afterAll, beforeAll, expect, it } from 'vitest';
import { trainerFollowsCandidate, trainerGroupsOfCandidate } from '../../../src/lib/server/groups/access';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

describeEachEngine('groups access', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('a trainer follows a candidate only through a shared group, and no longer once the candidate leaves', async () => {
		const db = database.db;
		const trainer = await insertTestUser(db, 'trainer');
		const otherTrainer = await insertTestUser(db, 'trainer');
		const candidate = await insertTestUser(db, { enrolIn: ['tci'] });
		const group = await db.insertInto('trainer_group').values({ name: 'Groupe A', certification_id: 'tci', kind: 'formation', starts_on: null, ends_on: null, evaluation_on: null, join_code: 'ABCDEF123', join_token: 'tok-a' }).returning('id').executeTakeFirstOrThrow();
		await db.insertInto('group_trainer').values({ group_id: group.id, trainer_id: trainer }).execute();
		expect(await trainerFollowsCandidate(db, trainer, candidate)).toBe(false);
		await db.insertInto('group_member').values({ group_id: group.id, candidate_id: candidate }).execute();
		expect(await trainerFollowsCandidate(db, trainer, candidate)).toBe(true);
		expect(await trainerFollowsCandidate(db, otherTrainer, candidate)).toBe(false);
		expect(await trainerGroupsOfCandidate(db, trainer, candidate)).toEqual([{ id: group.id, name: 'Groupe A', certificationId: 'tci', kind: 'formation' }]);
		expect(await trainerGroupsOfCandidate(db, otherTrainer, candidate)).toEqual([]);
		await db.deleteFrom('group_member').where('candidate_id', '=', candidate).execute();
		expect(await trainerFollowsCandidate(db, trainer, candidate)).toBe(false);
	});

	it('refuses malformed codes and calendar days', async () => {
		const values = { name: 'X', certification_id: 'tci', kind: 'formation' as const, starts_on: null, ends_on: null, evaluation_on: null, join_code: null, join_token: null };
		await expect(database.db.insertInto('trainer_group').values({ ...values, join_code: 'abc123', join_token: 't' }).execute()).rejects.toThrow();
		await expect(database.db.insertInto('trainer_group').values({ ...values, starts_on: '2026-02-30' }).execute()).rejects.toThrow();
		await expect(database.db.insertInto('trainer_group').values({ ...values, starts_on: '2026-03-02', ends_on: '2026-03-01' }).execute()).rejects.toThrow();
	});
});
