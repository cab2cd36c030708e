import { shouldCreateDemoAccounts } from '../auth/demo-accounts';
import { getCatalog } from '../content/catalog';
import { getDatabaseEngine, getDb } from '../db';
import { onDatabaseReady } from '../startup';
import { ensureDemoGroupObservations } from './demo-observations';

/** The demo group's observations (register after the demo group and the demo candidate's observations). */
export function registerObservationStartupTasks(): void {
	onDatabaseReady(async () => {
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		const count = await ensureDemoGroupObservations(getDb(), getCatalog());
		if (count) console.log(`[jalon] observations du groupe de démonstration : ${count}`);
	});
}
