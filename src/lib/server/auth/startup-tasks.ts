import { getDatabaseEngine, getDb } from '../db';
import { addStartupNote, onDatabaseReady, onShutdown } from '../startup';
import { ensureDemoAccounts, listDemoAccountLines, shouldCreateDemoAccounts } from './demo-accounts';
import { purgeExpiredAuthData } from './maintenance';

const PURGE_INTERVAL_MS = 10 * 60_000;
let registered = false;
let purgeTimer: ReturnType<typeof setInterval> | null = null;

/**
 * Registers the auth domain's start-up work: purge expired rows now and every 10 minutes,
 * create the demo accounts and have them printed after the address at every start.
 */
export function registerAuthStartupTasks(): void {
	if (registered) return;
	registered = true;
	onDatabaseReady(async () => {
		await purgeExpiredAuthData(getDb());
		purgeTimer = setInterval(() => {
			purgeExpiredAuthData(getDb()).catch((error) => console.error(`[jalon] purge impossible : ${error instanceof Error ? error.message : error}`));
		}, PURGE_INTERVAL_MS);
		purgeTimer.unref();
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		await ensureDemoAccounts(getDb());
		const lines = await listDemoAccountLines(getDb());
		if (lines.length > 0) {
			addStartupNote('Comptes de démonstration (mots de passe publics, pour essayer Jalon seulement) :');
			for (const line of lines) addStartupNote(line);
		}
	});
	onShutdown(async () => {
		if (purgeTimer) clearInterval(purgeTimer);
		purgeTimer = null;
	});
}
