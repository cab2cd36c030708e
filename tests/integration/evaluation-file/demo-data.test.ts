import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { findUserByEmail } from '../../../src/lib/server/auth/users.repository';
import { listSignedOpinions } from '../../../src/lib/server/company-opinion/company-opinion.service';
import { ensureDemoGroup } from '../../../src/lib/server/groups/demo-data';
import { ensureProjectsDemoData } from '../../../src/lib/server/projects/demo-data';
import { loadProjects } from '../../../src/lib/server/projects/projects.service';
import { followsInTraining } from '../../../src/lib/server/projects/trainer-access';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { catalog, tci } from '../vae/support';

describeEachEngine('the demo candidate’s projects report and company opinion', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		await ensureDemoAccounts(database.db);
		await ensureDemoGroup(database.db, catalog);
	});
	afterAll(async () => database?.destroy());

	it('has two projects, one validated link, and an opinion signed by the demo tutor, created once', async () => {
		expect(await ensureProjectsDemoData(database.db, catalog)).toBe(true);
		expect(await ensureProjectsDemoData(database.db, catalog)).toBe(false);
		const candidate = (await findUserByEmail(database.db, DEMO_ACCOUNTS.candidate.email))!;
		const trainer = (await findUserByEmail(database.db, DEMO_ACCOUNTS.trainer.email))!;
		expect(await followsInTraining(database.db, trainer.id, candidate.id, 'tci')).toBe(true);
		const projects = await loadProjects(database.db, candidate.id, 'tci');
		expect(projects).toHaveLength(2);
		expect(projects.flatMap((p) => p.links).filter((l) => l.status === 'validée')).toHaveLength(1);
		const [opinion] = await listSignedOpinions(database.db, candidate.id, 'tci');
		expect(opinion).toMatchObject({ signerName: 'Marc Dupuis (démo)' });
		expect(opinion!.entries).toHaveLength(tci.units.flatMap((u) => u.competences).length);
		// The demo opinion queued no e-mail: its link was never kept.
		expect(await database.db.selectFrom('outbox').select('id').where('user_id', '=', candidate.id).execute()).toEqual([]);
	});
});
