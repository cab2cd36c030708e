import { getDb } from '../db';
import { onDatabaseReady, onShutdown } from '../startup';
import { createMailWorker, type MailWorker } from './mail-worker';
import { createMailTransport } from './mailer';

// The process's one mail worker, started once the database is ready (SMTP mode only).
let worker: MailWorker | null = null;
let registered = false;

/** Asks the worker to send soon (a message was just queued); nothing happens without SMTP. */
export function nudgeMailWorker(): void {
	worker?.nudge();
}

/** Starts the worker with the server when SMTP_URL is set, and stops it before the database closes. */
export function registerMailStartupTasks(env: NodeJS.ProcessEnv = process.env): void {
	if (registered) return;
	registered = true;
	onDatabaseReady(async () => {
		const transport = createMailTransport(env);
		if (!transport) {
			console.log('[jalon] e-mails : gardés dans la boîte d’envoi locale (table outbox), aucun SMTP_URL défini');
			return;
		}
		worker = createMailWorker({ db: getDb, transport });
		worker.start();
		console.log('[jalon] e-mails : envoyés par SMTP en arrière-plan');
	});
	onShutdown(async () => {
		await worker?.stop();
		worker = null;
	});
}
