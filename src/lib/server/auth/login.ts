import type { Executor } from '../db';
import { PASSWORD_MAX_LENGTH, verifyAgainstDummyHash, verifyPasswordHash } from './password';
import { clearThrottle, consumeAttempts, refundThrottle, type ThrottleSubject } from './throttle';
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
 * Checks an email and password. The attempt is counted against the account and the address
 * first, in one atomic statement each, so a parallel burst gets at most the limit verified;
 * 'throttled' comes back without looking at the password. 'invalid' for an unknown email and
 * a wrong password alike (both cost one argon2 verification); 'success' clears the account's
 * count and gives the address its attempt back, so an owner who gets it right is not held
 * back by earlier typos, nor a class by its members' successful logins.
 */
export async function checkPasswordLogin(
	db: Executor,
	{ email, password, address, now = new Date() }: { email: string; password: string; address: string; now?: Date }
): Promise<PasswordCheckResult> {
	const subjects = loginThrottleSubjects(email, address);
	const attempt = await consumeAttempts(db, subjects, now);
	if (!attempt.allowed) return { outcome: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

	const user = await findUserByEmail(db, email);
	// Nothing longer than any accepted password is worth hashing; it still costs the same.
	const candidate = [...password].length > PASSWORD_MAX_LENGTH ? null : password;
	const valid =
		user && candidate !== null
			? await verifyPasswordHash(user.passwordHash, candidate)
			: await verifyAgainstDummyHash(candidate ?? '');
	if (!user || !valid) return { outcome: 'invalid' };
	await clearThrottle(db, subjects[0]!);
	await refundThrottle(db, subjects[1]!, now);
	return { outcome: 'success', user };
}
