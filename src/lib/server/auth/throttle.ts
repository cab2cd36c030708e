import type { Executor } from '../db';
import { hashToken } from './session';
import {
	deleteThrottleEvents,
	insertThrottleEvent,
	listRecentThrottleEvents
} from './throttle.repository';

const MINUTE_MS = 60_000;

/**
 * Sliding-window limits, counted in the database so that every app instance sees the same
 * counts. See README.md for why these numbers.
 */
export const THROTTLE_RULES = {
	/** Failed password checks on one email address (known or not). */
	loginAccount: { limit: 5, windowMs: 15 * MINUTE_MS },
	/**
	 * Failed password checks from one client address, whatever the account. Generous because a
	 * training centre puts a whole class behind one public address.
	 */
	loginAddress: { limit: 50, windowMs: 15 * MINUTE_MS },
	/** Reset emails asked for one email address. */
	resetAccount: { limit: 3, windowMs: 60 * MINUTE_MS },
	/** Reset emails asked from one client address. */
	resetAddress: { limit: 10, windowMs: 60 * MINUTE_MS }
} as const;

export type ThrottleRuleName = keyof typeof THROTTLE_RULES;
export type ThrottleSubject = readonly [rule: ThrottleRuleName, subject: string];
export type ThrottleStatus = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Buckets hold a hash of the email or address: the table keeps no readable personal data. */
export function throttleBucket(rule: ThrottleRuleName, subject: string): string {
	return `${rule}:${hashToken(subject.trim().toLowerCase())}`;
}

/**
 * Whether one bucket is over its limit. When it is, the wait is until the limit-th most recent
 * event leaves the window, since only then does the count fall below the limit.
 */
export async function checkThrottle(db: Executor, [rule, subject]: ThrottleSubject, now = new Date()): Promise<ThrottleStatus> {
	const { limit, windowMs } = THROTTLE_RULES[rule];
	const events = await listRecentThrottleEvents(db, throttleBucket(rule, subject), new Date(now.getTime() - windowMs), limit);
	const oldestCounted = events[limit - 1];
	if (!oldestCounted) return { limited: false };
	const waitMs = oldestCounted.getTime() + windowMs - now.getTime();
	return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Checks several buckets; limited if any is, with the longest wait. */
export async function checkThrottles(db: Executor, subjects: readonly ThrottleSubject[], now = new Date()): Promise<ThrottleStatus> {
	let retryAfterSeconds = 0;
	for (const subject of subjects) {
		const status = await checkThrottle(db, subject, now);
		if (status.limited) retryAfterSeconds = Math.max(retryAfterSeconds, status.retryAfterSeconds);
	}
	return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

/** Counts one event in each bucket, dropping that bucket's events already out of its window. */
export async function recordThrottleEvents(db: Executor, subjects: readonly ThrottleSubject[], now = new Date()): Promise<void> {
	for (const [rule, subject] of subjects) {
		const bucket = throttleBucket(rule, subject);
		await deleteThrottleEvents(db, bucket, new Date(now.getTime() - THROTTLE_RULES[rule].windowMs));
		await insertThrottleEvent(db, bucket, now);
	}
}

/** Forgets a bucket, e.g. an account's failures once its owner logs in. */
export async function clearThrottle(db: Executor, [rule, subject]: ThrottleSubject): Promise<void> {
	await deleteThrottleEvents(db, throttleBucket(rule, subject));
}

/** The French sentence shown with an HTTP 429. */
export function describeRetryAfter(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	const wait = seconds < 60 ? 'une minute' : `${minutes} minute${minutes > 1 ? 's' : ''}`;
	return `Trop de tentatives. Par sécurité, réessayez dans ${wait}.`;
}
