import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { findUserByEmail } from '../../../src/lib/server/auth/users.repository';
import { accompanies } from '../../../src/lib/server/vae/accompagnement';
import { ensureVaeDemoData } from '../../../src/lib/server/vae/demo-data';
import { loadGapAnalysis } from '../../../src/lib/server/vae/gaps.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { catalog, tci } from './support';

describeEachEngine('the demo VAE applicant', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		await ensureDemoAccounts(database.db);
	});
	afterAll(async () => database?.destroy());

	it('gets a file once, in a VAE group of the demo trainer, with every gap class represented', async () => {
		expect(await ensureVaeDemoData(database.db, catalog)).toBe(true);
		expect(await ensureVaeDemoData(database.db, catalog)).toBe(false);
		const applicant = (await findUserByEmail(database.db, DEMO_ACCOUNTS.vae.email))!;
		const trainer = (await findUserByEmail(database.db, DEMO_ACCOUNTS.trainer.email))!;
		expect(await accompanies(database.db, trainer.id, applicant.id, 'tci')).toBe(true);
		const units = await loadGapAnalysis(database.db, catalog, applicant.id, tci, new Date());
		const totals = units.map((u) => u.counts).reduce((sum, c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v + ((sum as Record<string, number>)[k] ?? 0)])) as typeof c);
		for (const gap of ['prouvé', 'à consolider', 'à prouver', 'à acquérir', 'non positionné'] as const) expect(totals[gap], gap).toBeGreaterThan(0);
		// The first block's first competence is within reach: a partial validation is shown.
		expect(units[0]!.reach.kind).toBe('partielle');
		console.log(units.map((u) => `${u.code}: ${JSON.stringify(u.counts)} — ${u.reach.kind}`).join('\n'));
	});
});
