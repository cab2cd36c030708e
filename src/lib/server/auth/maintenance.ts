import type { Executor } from '../db';
import { clearOutboxSecretsBefore } from '../mail/outbox.repository';
import { RESET_TOKEN_LIFETIME_MS } from './reset';
import { deleteExpiredResetTokens } from './reset-tokens.repository';
import { deleteExpiredSessions } from './sessions.repository';
import { deleteEndedThrottleCounters } from './throttle.repository';

/**
 * Deletes what has expired: sessions, reset tokens, throttle counters whose window has ended,
 * and links kept in unsent outbox messages once no link can still be live (they last an
 * hour). Run at start-up and every 10 minutes; validation already refuses expired rows, this
 * keeps the tables small and drops secrets as soon as they are useless. Returns the counts.
 */
export async function purgeExpiredAuthData(db: Executor, now = new Date()) {
	return {
		sessions: await deleteExpiredSessions(db, now),
		resetTokens: await deleteExpiredResetTokens(db, now),
		throttleCounters: await deleteEndedThrottleCounters(db, now),
		outboxSecrets: await clearOutboxSecretsBefore(db, new Date(now.getTime() - RESET_TOKEN_LIFETIME_MS))
	};
}
