import { getDatabaseEngine, getDb } from '../db';
import { onDatabaseReady } from '../startup';
import { ensureDemoAccounts, shouldCreateDemoAccounts } from './demo-accounts';
import { purgeExpiredAuthData } from './maintenance';

let registered = false;

/** Registers the auth domain's start-up work: purge expired rows, create demo accounts. */
export function registerAuthStartupTasks(): void {
	if (registered) return;
	registered = true;
	onDatabaseReady(async () => {
		await purgeExpiredAuthData(getDb());
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		const created = await ensureDemoAccounts(getDb());
		if (created.length > 0) {
			console.log(
				`[jalon] comptes de démonstration créés (mots de passe publics, pour essayer Jalon seulement) :\n${created.join('\n')}`
			);
		} else {
			console.log('[jalon] comptes de démonstration disponibles (voir src/lib/server/auth/demo-credentials.ts)');
		}
	});
}
