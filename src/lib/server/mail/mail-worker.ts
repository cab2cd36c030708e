import type { Executor } from '../db';
import { renderMailText, type MailTransport } from './mailer';
import { claimOutboxMessages, markOutboxFailed, markOutboxRetry, markOutboxSent } from './outbox.repository';

export const MAIL_MAX_ATTEMPTS = 6;
/** A worker that dies mid-send leaves its claim; another may send the message after this. */
export const MAIL_LEASE_MS = 2 * 60_000;

/** Wait before attempt n+1 after n failed ones: 30 s, 1 min, 2 min… at most 30 min. */
export function mailRetryDelayMs(failedAttempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 30 * 60_000);
}

export interface MailWorker {
	/** Sends what is due now; returns how many were sent, retried later and given up. */
	runOnce(now?: Date): Promise<{ sent: number; retried: number; failed: number }>;
	/** Polls every `intervalMs` (timer unref'd: it never keeps the process alive). */
	start(intervalMs?: number): void;
	/** Asks for a run soon (a message was just queued), without waiting for it. */
	nudge(): void;
	/** Stops polling and waits for the run in progress, if any. */
	stop(): Promise<void>;
}

/**
 * Delivers the outbox through `transport`, outside any request. Each message is claimed
 * before it is sent (several workers on one PostgreSQL never take the same one), retried
 * with growing delays up to MAIL_MAX_ATTEMPTS, and its link dropped once sent or given up.
 * The log names the message by id, never its link or text.
 */
export function createMailWorker({
	db,
	transport,
	log = console.log,
	batchSize = 10
}: {
	db: () => Executor;
	transport: MailTransport;
	log?: (line: string) => void;
	batchSize?: number;
}): MailWorker {
	let timer: ReturnType<typeof setInterval> | null = null;
	let running: Promise<unknown> | null = null;
	let again = false;

	async function runOnce(now = new Date()) {
		const counts = { sent: 0, retried: 0, failed: 0 };
		const claimed = await claimOutboxMessages(db(), { now, leaseMs: MAIL_LEASE_MS, limit: batchSize });
		for (const message of claimed) {
			try {
				await transport.send({ to: message.recipient, subject: message.subject, text: renderMailText(message.body, message.secret) });
				await markOutboxSent(db(), message.id, new Date());
				counts.sent++;
			} catch (error) {
				const reason = (error instanceof Error ? error.message : String(error)).slice(0, 300);
				if (message.attempts >= MAIL_MAX_ATTEMPTS) {
					await markOutboxFailed(db(), message.id, reason);
					log(`[mail] message #${message.id} abandonné après ${message.attempts} tentatives : ${reason}`);
					counts.failed++;
				} else {
					const delay = mailRetryDelayMs(message.attempts);
					await markOutboxRetry(db(), message.id, { nextAttemptAt: new Date(Date.now() + delay), error: reason });
					log(`[mail] envoi du message #${message.id} échoué (tentative ${message.attempts}), nouvel essai dans ${Math.round(delay / 1000)} s : ${reason}`);
					counts.retried++;
				}
			}
		}
		if (counts.sent) log(`[mail] ${counts.sent} message(s) envoyé(s)`);
		return counts;
	}

	function tick(): void {
		if (running) {
			again = true;
			return;
		}
		running = runOnce()
			.catch((error) => log(`[mail] envoi impossible pour l’instant : ${error instanceof Error ? error.message : String(error)}`))
			.finally(() => {
				running = null;
				if (again && timer) {
					again = false;
					tick();
				}
			});
	}

	return {
		runOnce,
		start(intervalMs = 15_000) {
			if (timer) return;
			timer = setInterval(tick, intervalMs);
			timer.unref();
			tick();
		},
		nudge() {
			if (timer) setImmediate(tick);
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = null;
			await running;
		}
	};
}
