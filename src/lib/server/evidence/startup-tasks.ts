import { shouldCreateDemoAccounts } from '../auth/demo-accounts';
import { getCatalog } from '../content/catalog';
import { getDatabaseEngine, getDb } from '../db';
import { withTransaction } from '../db/transaction';
import { onDatabaseReady } from '../startup';
import { ensureDemoObservations } from './demo-observations';
import { findUsersWithoutSummaries, rebuildUserSummaries } from './rebuild';

/**
 * After migrations, rebuilds the summaries of users who have evidence and none: a migration
 * that changes what a summary holds resets them, and the fold needs the content's
 * equivalences, which only the application knows. One query when there is nothing to do.
 */
export function registerEvidenceStartupTasks(): void {
	onDatabaseReady(async () => {
		const db = getDb();
		const users = await findUsersWithoutSummaries(db);
		if (users.length === 0) return;
		const started = performance.now();
		const catalog = getCatalog();
		for (const userId of users) await withTransaction(db, (tx) => rebuildUserSummaries(tx, catalog, userId));
		console.log(`[jalon] résumés de maîtrise recalculés pour ${users.length} compte(s) (${(performance.now() - started).toFixed(0)} ms)`);
	});
}

/**
 * The demo trainer's observations of the demo candidate, once the demo group exists (register
 * after registerGroupStartupTasks): the map then shows « démontré en situation réelle » too.
 */
export function registerDemoObservationTasks(): void {
	onDatabaseReady(async () => {
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		const count = await ensureDemoObservations(getDb(), getCatalog());
		if (count) console.log(`[jalon] observations de démonstration : ${count}`);
	});
}
