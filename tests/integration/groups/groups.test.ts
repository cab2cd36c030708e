import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '../../../src/lib/server/content/catalog';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence } from '../../../src/lib/server/evidence/ledger';
import { findEnrolment, enrol } from '../../../src/lib/server/enrolment/enrolment.repository';
import { trainerFollowsCandidate } from '../../../src/lib/server/groups/access';
import { assignModules, changeDueDate, followUpGroup, listMyAssignments, nextAssignment } from '../../../src/lib/server/groups/assignments.service';
import { addDays, todayInFrance } from '../../../src/lib/server/groups/days';
import { findGroup, listGroups, setJoining } from '../../../src/lib/server/groups/groups.repository';
import { addCoTrainer, closeJoining, createGroup, findJoinOffer, findManagedGroup, joinGroup, leaveGroup, regenerateJoining, removeMember, removeTrainer } from '../../../src/lib/server/groups/groups.service';
import { CODE_PATTERN } from '../../../src/lib/server/groups/join-code';
import { lookUpJoinCode, UNKNOWN_CODE } from '../../../src/lib/server/groups/join-by-code';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';

const catalog = getCatalog();
const fields = (name: string, kind: 'formation' | 'vae' = 'formation') => ({ name, certificationId: 'tci', kind, startsOn: null, endsOn: null, evaluationOn: null });
const candidate = (id: string) => ({ id, role: 'candidate' });
const now = new Date();

describeEachEngine('groups', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	describe('join codes', () => {
		it('each group gets a code of the right shape, unique among open groups, and a link token', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => createGroup(database.db, trainer, fields(`G${i}`))));
			const groups = await Promise.all(ids.map((id) => findGroup(database.db, id)));
			for (const group of groups) expect(group!.joinCode).toMatch(CODE_PATTERN);
			expect(new Set(groups.map((g) => g!.joinCode)).size).toBe(20);
			expect(new Set(groups.map((g) => g!.joinToken)).size).toBe(20);
		});

		it('an open group’s code cannot be given to another; a closed group’s can', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const a = (await findGroup(database.db, await createGroup(database.db, trainer, fields('A'))))!;
			const b = await createGroup(database.db, trainer, fields('B'));
			await expect(setJoining(database.db, b, a.joinCode, 'another-token')).rejects.toMatchObject({ code: '23505' });
			await closeJoining(database.db, a.id);
			await setJoining(database.db, b, a.joinCode, 'another-token');
			expect((await findGroup(database.db, b))!.joinCode).toBe(a.joinCode);
		});

		it('a code typed in any case and with spaces finds the group; a closed or replaced one answers like an unknown one', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const user = await insertTestUser(database.db);
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Codes'))))!;
			const typed = `${group.joinCode!.slice(0, 3).toLowerCase()} ${group.joinCode!.slice(3, 6)} ${group.joinCode!.slice(6)}`;
			expect(await lookUpJoinCode(database.db, { userId: user, address: '10.0.0.1', typed })).toEqual({ ok: true, token: group.joinToken });
			await regenerateJoining(database.db, group.id);
			const renewed = (await findGroup(database.db, group.id))!;
			expect(renewed.joinCode).not.toBe(group.joinCode);
			expect(await lookUpJoinCode(database.db, { userId: user, address: '10.0.0.1', typed })).toEqual({ ok: false, error: UNKNOWN_CODE });
			expect((await findJoinOffer(database.db, candidate(user), group.joinToken!)).ok).toBe(false);
			await closeJoining(database.db, group.id);
			expect(await lookUpJoinCode(database.db, { userId: user, address: '10.0.0.1', typed: renewed.joinCode! })).toEqual({ ok: false, error: UNKNOWN_CODE });
		});

		it('is throttled per account, then even a valid code is refused', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const user = await insertTestUser(database.db);
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Throttle'))))!;
			for (let i = 0; i < 10; i++) expect(await lookUpJoinCode(database.db, { userId: user, address: '10.0.0.2', typed: 'ZZZZZZ999' })).toMatchObject({ ok: false, error: UNKNOWN_CODE });
			expect(await lookUpJoinCode(database.db, { userId: user, address: '10.0.0.2', typed: group.joinCode! })).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
			// Another account behind the same address is not blocked by this one.
			const other = await insertTestUser(database.db);
			expect(await lookUpJoinCode(database.db, { userId: other, address: '10.0.0.2', typed: group.joinCode! })).toMatchObject({ ok: true });
		});

		it('is throttled per address across accounts', async () => {
			for (let i = 0; i < 100; i++) await lookUpJoinCode(database.db, { userId: `user-${i}`, address: '10.0.0.3', typed: 'ZZZZZZ999' });
			expect(await lookUpJoinCode(database.db, { userId: 'fresh', address: '10.0.0.3', typed: 'ZZZZZZ998' })).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
		});
	});

	describe('joining, leaving and removal', () => {
		it('joining enrols in the certification, gives the trainers access, and leaving ends it at once with evidence kept', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const user = await insertTestUser(database.db);
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Join'))))!;
			const offer = await findJoinOffer(database.db, candidate(user), group.joinToken!);
			expect(offer).toMatchObject({ ok: true, offer: { willEnrol: true, alreadyMember: false, pathwaySwitch: null, trainers: [expect.objectContaining({ id: trainer })] } });
			expect(await joinGroup(database.db, candidate(user), group.joinToken!, now)).toMatchObject({ ok: true, enrolled: true, switched: false });
			expect(await joinGroup(database.db, candidate(user), group.joinToken!, now)).toMatchObject({ ok: true, enrolled: false });
			expect((await findEnrolment(database.db, user, 'tci'))?.pathway).toBe('formation');
			expect(await trainerFollowsCandidate(database.db, trainer, user)).toBe(true);

			const criterion = catalog.competences.get('tci.c1')!.criteria[0]!;
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, user, [{ criterionId: criterion.id, source: 'observation', score: 1, itemRef: 'obs-1', contentVersion: 'v', recordedBy: trainer, situation: 'réelle' }], now));
			expect(await leaveGroup(database.db, user, group.id)).toBe(true);
			expect(await trainerFollowsCandidate(database.db, trainer, user)).toBe(false);
			const evidence = await database.db.selectFrom('evidence').select('recorded_by').where('user_id', '=', user).execute();
			expect(evidence).toEqual([{ recorded_by: trainer }]);
		});

		it('joining a VAE group while in formation says so and switches the pathway on confirmation, evidence kept', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const user = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
			const criterion = catalog.competences.get('tci.c1')!.criteria[0]!;
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, user, [{ criterionId: criterion.id, source: 'quiz', score: 1, itemRef: 'tci.c1.q1', contentVersion: 'v' }], now));
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('VAE', 'vae'))))!;
			expect(await findJoinOffer(database.db, candidate(user), group.joinToken!)).toMatchObject({ ok: true, offer: { pathwaySwitch: { from: 'formation', to: 'vae' }, willEnrol: false } });
			expect((await findEnrolment(database.db, user, 'tci'))?.pathway).toBe('formation');
			expect(await joinGroup(database.db, candidate(user), group.joinToken!, now)).toMatchObject({ ok: true, switched: true });
			expect((await findEnrolment(database.db, user, 'tci'))?.pathway).toBe('vae');
			expect(await database.db.selectFrom('evidence').select('item_ref').where('user_id', '=', user).execute()).toEqual([{ item_ref: 'tci.c1.q1' }]);
		});

		it('only candidates join', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Roles'))))!;
			expect(await joinGroup(database.db, { id: trainer, role: 'trainer' }, group.joinToken!, now)).toEqual({ ok: false, reason: 'not-a-candidate' });
		});

		it('a trainer removing a candidate ends access and the candidate’s own assignments in the group', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const user = await insertTestUser(database.db);
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Remove'))))!;
			await joinGroup(database.db, candidate(user), group.joinToken!, now);
			await assignModules(database.db, catalog, group, { competenceIds: ['tci.c1'], dueOn: addDays(todayInFrance(now), 7), instruction: '', target: 'chosen', candidateIds: [user] }, now);
			expect(await listMyAssignments(database.db, catalog, user, now)).toHaveLength(1);
			expect(await removeMember(database.db, group.id, user)).toBe(true);
			expect(await trainerFollowsCandidate(database.db, trainer, user)).toBe(false);
			expect(await listMyAssignments(database.db, catalog, user, now)).toEqual([]);
			expect(await database.db.selectFrom('assignment_target').selectAll().where('candidate_id', '=', user).execute()).toEqual([]);
		});

		it('co-trainers are added by the e-mail of a trainer account; the last trainer cannot leave a group with candidates', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const coEmail = `co-${Date.now()}@exemple.fr`;
			const co = await insertTestUser(database.db, { role: 'trainer', email: coEmail });
			const notTrainer = await insertTestUser(database.db, { email: `cand-${Date.now()}@exemple.fr` });
			const user = await insertTestUser(database.db);
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Co'))))!;
			expect(await addCoTrainer(database.db, group.id, `cand-${Date.now()}@exemple.fr`)).toMatchObject({ ok: false });
			expect(await addCoTrainer(database.db, group.id, 'personne@exemple.fr')).toMatchObject({ ok: false });
			expect(await addCoTrainer(database.db, group.id, ` ${coEmail.toUpperCase()} `)).toMatchObject({ ok: true });
			expect((await listGroups(database.db, co)).map((g) => g.id)).toContain(group.id);
			expect(await findManagedGroup(database.db, { id: notTrainer, role: 'candidate' }, group.id)).toBeNull();
			await joinGroup(database.db, candidate(user), group.joinToken!, now);
			expect(await removeTrainer(database.db, group.id, co)).toBe('removed');
			expect(await findManagedGroup(database.db, { id: co, role: 'trainer' }, group.id)).toBeNull();
			expect(await removeTrainer(database.db, group.id, trainer)).toBe('last-trainer');
			await leaveGroup(database.db, user, group.id);
			expect(await removeTrainer(database.db, group.id, trainer)).toBe('group-deleted');
			expect(await findGroup(database.db, group.id)).toBeNull();
		});

		it('a trainer reaches only their own groups; an admin reaches every group; a bad id reaches nothing', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const other = await insertTestUser(database.db, 'trainer');
			const admin = await insertTestUser(database.db, 'admin');
			const group = await createGroup(database.db, trainer, fields('Own'));
			expect(await findManagedGroup(database.db, { id: other, role: 'trainer' }, group)).toBeNull();
			expect(await findManagedGroup(database.db, { id: admin, role: 'admin' }, group)).not.toBeNull();
			expect(await findManagedGroup(database.db, { id: trainer, role: 'trainer' }, 'not-a-uuid')).toBeNull();
			expect((await listGroups(database.db, other)).map((g) => g.id)).not.toContain(group);
		});
	});

	describe('assignments', () => {
		async function groupWith(count: number) {
			const trainer = await insertTestUser(database.db, 'trainer');
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Assign'))))!;
			const users: string[] = [];
			for (let i = 0; i < count; i++) {
				const user = await insertTestUser(database.db);
				await joinGroup(database.db, candidate(user), group.joinToken!, now);
				users.push(user);
			}
			return { group, users };
		}
		const c1 = catalog.modules.find((m) => m.competenceId === 'tci.c1')!;
		async function answer(user: string, itemIds: string[], at: Date) {
			const entries = itemIds.map((id) => ({ criterionId: c1.quiz.find((q) => q.id === id)!.criteria[0]!, source: 'quiz' as const, score: 1, itemRef: id, contentVersion: c1.contentVersion }));
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, user, entries, at));
		}
		async function finishScenario(user: string, at: Date) {
			await database.db.insertInto('scenario_run').values({ user_id: user, scenario_id: c1.scenarios[0]!.id, competence_id: 'tci.c1', content_version: c1.contentVersion, current_node: 'fin', draw_seed: 'seed', status: 'finished', started_at: at, finished_at: at }).execute();
		}

		it('refuses a past due date, modules of another certification and candidates outside the group, writing nothing', async () => {
			const { group, users } = await groupWith(1);
			const outsider = await insertTestUser(database.db);
			const today = todayInFrance(now);
			const result = await assignModules(database.db, catalog, group, { competenceIds: ['ra.c1', 'tci.c1'], dueOn: addDays(today, -1), instruction: 'x'.repeat(1001), target: 'chosen', candidateIds: [users[0]!, outsider] }, now);
			expect(result).toEqual({ ok: false, errors: { competenceIds: expect.any(String), dueOn: expect.stringContaining('passée'), instruction: expect.any(String), candidateIds: expect.any(String) } });
			expect(await database.db.selectFrom('assignment').selectAll().where('group_id', '=', group.id).execute()).toEqual([]);
			expect(await assignModules(database.db, catalog, group, { competenceIds: ['tci.c1'], dueOn: today, instruction: '', target: 'all', candidateIds: [] }, now)).toEqual({ ok: true, count: 1 });
		});

		it('derives non commencé / en cours / terminé and late from constructed histories', async () => {
			const { group, users } = await groupWith(4);
			const [idle, started, quizOnly, done] = users as [string, string, string, string];
			const today = todayInFrance(now);
			await assignModules(database.db, catalog, group, { competenceIds: ['tci.c1'], dueOn: today, instruction: 'Avant la séance', target: 'all', candidateIds: [] }, now);
			const items = c1.quiz.map((q) => q.id);
			await answer(started, items.slice(0, 1), now);
			await answer(quizOnly, items, now);
			await answer(done, items, now);
			await finishScenario(done, now);

			const statusOf = async (user: string, at = now) => (await listMyAssignments(database.db, catalog, user, at))[0]!;
			expect(await statusOf(idle)).toMatchObject({ progress: 'non commencé', overdue: false, instruction: 'Avant la séance' });
			expect((await statusOf(started)).progress).toBe('en cours');
			expect((await statusOf(quizOnly)).progress).toBe('en cours');
			expect((await statusOf(done)).progress).toBe('terminé');
			const tomorrow = new Date(now.getTime() + 86_400_000 * 1.5);
			expect(await statusOf(idle, tomorrow)).toMatchObject({ overdue: true });
			expect(await statusOf(done, tomorrow)).toMatchObject({ overdue: false });

			const follow = await followUpGroup(database.db, catalog, group, tomorrow);
			expect(follow.assignments[0]!.counts).toMatchObject({ 'non commencé': 1, 'en cours': 2, terminé: 1, overdue: 3, concerned: 4 });
			expect(follow.overdueCount).toBe(3);
		});

		it('the next step is the unfinished assignment due first; a changed date reorders', async () => {
			const { group, users } = await groupWith(1);
			const today = todayInFrance(now);
			await assignModules(database.db, catalog, group, { competenceIds: ['tci.c2'], dueOn: addDays(today, 10), instruction: '', target: 'all', candidateIds: [] }, now);
			await assignModules(database.db, catalog, group, { competenceIds: ['tci.c3'], dueOn: addDays(today, 5), instruction: '', target: 'all', candidateIds: [] }, now);
			let mine = await listMyAssignments(database.db, catalog, users[0]!, now);
			expect(nextAssignment(mine)?.competenceId).toBe('tci.c3');
			expect(await changeDueDate(database.db, group, mine[0]!.id, addDays(today, 20), now)).toEqual({ ok: true });
			expect(await changeDueDate(database.db, group, mine[0]!.id, addDays(today, -2), now)).toMatchObject({ ok: false });
			mine = await listMyAssignments(database.db, catalog, users[0]!, now);
			expect(mine.map((a) => a.competenceId)).toEqual(['tci.c2', 'tci.c3']);
		});

		it('a date change or a withdrawal through another group’s id reaches nothing', async () => {
			const { group } = await groupWith(1);
			const { group: other } = await groupWith(0);
			const today = todayInFrance(now);
			await assignModules(database.db, catalog, group, { competenceIds: ['tci.c2'], dueOn: today, instruction: '', target: 'all', candidateIds: [] }, now);
			const [assignment] = (await followUpGroup(database.db, catalog, group, now)).assignments;
			expect(await changeDueDate(database.db, other, assignment!.id, addDays(today, 3), now)).toMatchObject({ ok: false });
			expect((await followUpGroup(database.db, catalog, group, now)).assignments[0]!.dueOn).toBe(today);
		});
	});

	describe('à relancer', () => {
		it('lists candidates who never started or did nothing for the group’s number of days', async () => {
			const trainer = await insertTestUser(database.db, 'trainer');
			const group = (await findGroup(database.db, await createGroup(database.db, trainer, fields('Relance'))))!;
			const names: Record<string, string> = {};
			for (const name of ['jamais', 'ancien', 'recent']) {
				names[name] = await insertTestUser(database.db);
				await joinGroup(database.db, candidate(names[name]!), group.joinToken!, now);
			}
			const criterion = catalog.competences.get('tci.c1')!.criteria[0]!.id;
			const day = 86_400_000;
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, names.ancien!, [{ criterionId: criterion, source: 'quiz', score: 1, itemRef: 'tci.c1.q1', contentVersion: 'v' }], new Date(now.getTime() - 20 * day)));
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, names.recent!, [{ criterionId: criterion, source: 'quiz', score: 1, itemRef: 'tci.c1.q1', contentVersion: 'v' }], new Date(now.getTime() - 3 * day)));
			// A trainer's observation is not the candidate's own activity.
			await withTransaction(database.db, (tx) => appendEvidence(tx, catalog, names.jamais!, [{ criterionId: criterion, source: 'observation', score: 1, itemRef: 'obs', contentVersion: 'v', recordedBy: trainer, situation: 'réelle' }], now));
			let follow = await followUpGroup(database.db, catalog, group, now);
			expect(Object.fromEntries(follow.members.map((m) => [m.id, m.reminder]))).toEqual({ [names.jamais!]: 'jamais commencé', [names.ancien!]: 'inactif', [names.recent!]: null });
			await database.db.updateTable('trainer_group').set({ inactivity_days: 30 }).where('id', '=', group.id).execute();
			follow = await followUpGroup(database.db, catalog, (await findGroup(database.db, group.id))!, now);
			expect(follow.toRemind.map((m) => m.id)).toEqual([names.jamais]);
		});
	});
});
