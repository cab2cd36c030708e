import { getCatalog } from '../content/catalog';
import { getDb } from '../db';
import { withTransaction } from '../db/transaction';
import { onDatabaseReady } from '../startup';
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
