import type { Executor } from '../db';
import { PASSWORD_MAX_LENGTH, verifyAgainstDummyHash, verifyPasswordHash } from './password';
import { checkThrottles, clearThrottle, recordThrottleEvents, type ThrottleSubject } from './throttle';
import { findUserByEmail, normalizeEmail, type UserRecord } from './users.repository';

export type PasswordCheckResult =
	| { outcome: 'success'; user: UserRecord }
	| { outcome: 'invalid' }
	| { outcome: 'throttled'; retryAfterSeconds: number };

/** The buckets a password check counts against: the account's email and the client address. */
export function loginThrottleSubjects(email: string, address: string): ThrottleSubject[] {
	return [
		['loginAccount', normalizeEmail(email)],
		['loginAddress', address]
	];
}

/**
 * Checks an email and password. Returns 'throttled' without looking at the password while
 * the account or the address is over its failure limit; 'invalid' for an unknown email and
 * a wrong password alike (both cost one argon2 verification); 'success' clears the account's
 * failures, so an owner who gets it right is not held back by earlier typos.
 */
export async function checkPasswordLogin(
	db: Executor,
	{ email, password, address, now = new Date() }: { email: string; password: string; address: string; now?: Date }
): Promise<PasswordCheckResult> {
	const subjects = loginThrottleSubjects(email, address);
	const throttle = await checkThrottles(db, subjects, now);
	if (throttle.limited) return { outcome: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

	const user = await findUserByEmail(db, email);
	// Nothing longer than any accepted password is worth hashing; it still costs the same.
	const candidate = [...password].length > PASSWORD_MAX_LENGTH ? null : password;
	const valid =
		user && candidate !== null
			? await verifyPasswordHash(user.passwordHash, candidate)
			: await verifyAgainstDummyHash(candidate ?? '');
	if (!user || !valid) {
		await recordThrottleEvents(db, subjects, now);
		return { outcome: 'invalid' };
	}
	await clearThrottle(db, subjects[0]!);
	return { outcome: 'success', user };
}
