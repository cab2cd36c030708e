import { shouldCreateDemoAccounts } from '../auth/demo-accounts';
import { getCatalog } from '../content/catalog';
import { getDatabaseEngine, getDb } from '../db';
import { onDatabaseReady } from '../startup';
import { ensureDemoGroup } from './demo-data';

/**
 * The demo trainer's group, where demo accounts exist (after the auth task has created them:
 * register this after registerAuthStartupTasks).
 */
export function registerGroupStartupTasks(): void {
	onDatabaseReady(async () => {
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		const started = performance.now();
		if (await ensureDemoGroup(getDb(), getCatalog())) console.log(`[jalon] groupe de démonstration créé (${(performance.now() - started).toFixed(0)} ms)`);
	});
}
