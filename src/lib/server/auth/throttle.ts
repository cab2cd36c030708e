import type { Executor } from '../db';
import { hashToken } from './session';
import {
	decrementThrottleCounter,
	deleteThrottleCounter,
	deleteThrottleCountersForSubject,
	incrementThrottleCounter
} from './throttle.repository';

const MINUTE_MS = 60_000;

export interface ThrottleRule {
	/** Attempts allowed in one window. */
	limit: number;
	/** The window opens at a bucket's first attempt and lasts this long. */
	windowMs: number;
}

/**
 * The limits, counted in the database so that every app instance sees the same counts. See
 * README.md for why these numbers.
 */
export const THROTTLE_RULES = {
	/** Password checks on one email address (known or not); a success gives them back. */
	loginAccount: { limit: 5, windowMs: 15 * MINUTE_MS },
	/**
	 * Password checks from one client address, whatever the account; a success gives its
	 * attempt back. Generous because a training centre puts a whole class behind one address.
	 */
	loginAddress: { limit: 50, windowMs: 15 * MINUTE_MS },
	/** Reset emails asked for one email address. */
	resetAccount: { limit: 3, windowMs: 60 * MINUTE_MS },
	/** Reset emails asked from one client address. */
	resetAddress: { limit: 10, windowMs: 60 * MINUTE_MS },
	/**
	 * Sign-ups tried from one client address (each costs an argon2 hash and may answer « un
	 * compte existe déjà »): a class of 30 behind one address, each allowed a second try.
	 */
	signUpAddress: { limit: 60, windowMs: 60 * MINUTE_MS }
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleRuleName = keyof typeof THROTTLE_RULES;
export type ThrottleSubject = readonly [rule: ThrottleRuleName, subject: string];
export type AttemptResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The hash a subject (email, address, code…) is stored under: no readable personal data. */
export function throttleSubjectHash(subject: string): string {
	return hashToken(subject.trim().toLowerCase());
}

export function throttleBucket(rule: string, subject: string): string {
	return `${rule}:${throttleSubjectHash(subject)}`;
}

/**
 * Counts one attempt in `bucket` BEFORE the work it guards (a password check, a mail, a code
 * lookup), atomically on both engines: of any number of parallel attempts, at most `limit`
 * per window are allowed. When refused, `retryAfterSeconds` is the time left in the window.
 * Call it on the database itself, never inside a transaction that may roll back.
 */
export async function consumeAttempt(db: Executor, bucket: string, rule: ThrottleRule, now = new Date()): Promise<AttemptResult> {
	const counter = await incrementThrottleCounter(db, {
		bucket,
		limit: rule.limit,
		now,
		windowEndsAt: new Date(now.getTime() + rule.windowMs)
	});
	if (counter.attempts <= rule.limit) return { allowed: true };
	const waitMs = counter.windowEndsAt.getTime() - now.getTime();
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Gives back an attempt that was allowed but did not cost what the limit guards. */
export async function refundAttempt(db: Executor, bucket: string, now = new Date()): Promise<void> {
	await decrementThrottleCounter(db, bucket, now);
}

/**
 * Counts one attempt in each named bucket, in order. Allowed only if every bucket allows it;
 * when one refuses, the attempts already counted in the earlier buckets are given back, so
 * an address is not charged for an account's lock (and the other way round).
 */
export async function consumeAttempts(db: Executor, subjects: readonly ThrottleSubject[], now = new Date()): Promise<AttemptResult> {
	const counted: string[] = [];
	for (const [rule, subject] of subjects) {
		const bucket = throttleBucket(rule, subject);
		const result = await consumeAttempt(db, bucket, THROTTLE_RULES[rule], now);
		if (!result.allowed) {
			for (const done of counted) await refundAttempt(db, done, now);
			return result;
		}
		counted.push(bucket);
	}
	return { allowed: true };
}

/** Gives back one attempt in a named bucket (e.g. a login that succeeded). */
export async function refundThrottle(db: Executor, [rule, subject]: ThrottleSubject, now = new Date()): Promise<void> {
	await refundAttempt(db, throttleBucket(rule, subject), now);
}

/** Forgets a bucket, e.g. an account's failures once its owner logs in. */
export async function clearThrottle(db: Executor, [rule, subject]: ThrottleSubject): Promise<void> {
	await deleteThrottleCounter(db, throttleBucket(rule, subject));
}

/** Forgets every bucket keyed by a subject, whatever the rule (an account being deleted). */
export async function clearSubjectThrottles(db: Executor, subject: string): Promise<number> {
	return deleteThrottleCountersForSubject(db, throttleSubjectHash(subject));
}

/** The French sentence shown with an HTTP 429. */
export function describeRetryAfter(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	const wait = seconds < 60 ? 'une minute' : `${minutes} minute${minutes > 1 ? 's' : ''}`;
	return `Trop de tentatives. Par sécurité, réessayez dans ${wait}.`;
}
