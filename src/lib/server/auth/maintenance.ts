import type { Executor } from '../db';
import { deleteExpiredResetTokens } from './reset-tokens.repository';
import { deleteExpiredSessions } from './sessions.repository';
import { THROTTLE_RULES } from './throttle';
import { deleteThrottleEventsBefore } from './throttle.repository';

/**
 * Deletes what has expired: sessions, reset tokens and throttle events older than the
 * longest window. Run at start-up; validation already refuses expired rows, this only keeps
 * the tables small. Returns how many rows of each went.
 */
export async function purgeExpiredAuthData(db: Executor, now = new Date()) {
	const longestWindow = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.windowMs));
	return {
		sessions: await deleteExpiredSessions(db, now),
		resetTokens: await deleteExpiredResetTokens(db, now),
		throttleEvents: await deleteThrottleEventsBefore(db, new Date(now.getTime() - longestWindow))
	};
}
