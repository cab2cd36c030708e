import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { findUserByEmail } from '../../../src/lib/server/auth/users.repository';
import { getCatalog } from '../../../src/lib/server/content/catalog';
import { trainerFollowsCandidate } from '../../../src/lib/server/groups/access';
import { followUpGroup, listMyAssignments } from '../../../src/lib/server/groups/assignments.service';
import { DEMO_GROUP_NAME, ensureDemoGroup } from '../../../src/lib/server/groups/demo-data';
import { listGroups, listTrainers } from '../../../src/lib/server/groups/groups.repository';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describeEachEngine('demo group', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('gives the demo trainer a TCI group of twelve with the demo candidate, a co-trainer, varied progress; once', async () => {
		const catalog = getCatalog();
		await ensureDemoAccounts(database.db);
		expect(await ensureDemoGroup(database.db, catalog)).toBe(true);
		const trainer = (await findUserByEmail(database.db, DEMO_ACCOUNTS.trainer.email))!;
		const candidate = (await findUserByEmail(database.db, DEMO_ACCOUNTS.candidate.email))!;
		const [group] = await listGroups(database.db, trainer.id);
		expect(group).toMatchObject({ name: DEMO_GROUP_NAME, certificationId: 'tci' });
		expect(await listTrainers(database.db, group!.id)).toHaveLength(2);
		expect(await trainerFollowsCandidate(database.db, trainer.id, candidate.id)).toBe(true);

		const follow = await followUpGroup(database.db, catalog, group!, new Date());
		expect(follow.members).toHaveLength(12);
		const statuses = follow.members.flatMap((m) => m.assignments.map((a) => a.progress));
		expect(statuses).toContain('terminé');
		expect(statuses).toContain('en cours');
		expect(statuses).toContain('non commencé');
		expect(follow.overdueCount).toBeGreaterThan(0);
		expect(follow.toRemind.length).toBeGreaterThan(0);
		expect(follow.toRemind.length).toBeLessThan(12);
		const mine = await listMyAssignments(database.db, catalog, candidate.id, new Date());
		expect(mine.length).toBeGreaterThanOrEqual(3);

		const evidence = await database.db.selectFrom('evidence').select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')]).executeTakeFirstOrThrow();
		expect(new Date(evidence.last as Date).getTime() - new Date(evidence.first as Date).getTime()).toBeGreaterThan(21 * 86_400_000);

		expect(await ensureDemoGroup(database.db, catalog)).toBe(false);
		expect(await listGroups(database.db, trainer.id)).toHaveLength(1);
	});
});
