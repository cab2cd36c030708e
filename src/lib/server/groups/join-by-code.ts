import type { Executor } from '../db';
import { consumeAttempt, refundAttempt, throttleBucket, type ThrottleRule } from '../auth/throttle';
import { findGroupByCode } from './groups.repository';
import { normalizeJoinCode } from './join-code';

const MINUTE_MS = 60_000;

/**
 * Code lookups allowed, counted before the lookup so that trying codes is no way to find
 * valid ones: per account, enough for a few typing mistakes; per address, a whole class
 * behind one training centre's address, each allowed a few tries.
 */
export const JOIN_CODE_RULES = {
	joinCodeAccount: { limit: 10, windowMs: 15 * MINUTE_MS },
	joinCodeAddress: { limit: 100, windowMs: 15 * MINUTE_MS }
} as const satisfies Record<string, ThrottleRule>;

export type CodeLookup = { ok: true; token: string } | { ok: false; error: string } | { ok: false; retryAfterSeconds: number };

/** The one answer for a code that does not open a group: unknown, closed and replaced alike. */
export const UNKNOWN_CODE = 'Ce code ne permet pas de rejoindre un groupe : il est peut-être mal saisi, fermé ou remplacé. Vérifiez-le auprès de votre formateur.';

/**
 * Finds the group a typed code opens, throttled per account and per address. Answers with
 * the group's link token: the confirmation page is the link's. A well-formed lookup counts
 * whatever its outcome; a success gives the account its attempt back.
 */
export async function lookUpJoinCode(db: Executor, input: { userId: string; address: string; typed: string }): Promise<CodeLookup> {
	if (!input.typed.trim()) return { ok: false, error: 'Saisissez le code que votre formateur vous a donné.' };
	const accountBucket = throttleBucket('joinCodeAccount', input.userId);
	const addressBucket = throttleBucket('joinCodeAddress', input.address);
	const byAccount = await consumeAttempt(db, accountBucket, JOIN_CODE_RULES.joinCodeAccount);
	if (!byAccount.allowed) return { ok: false, retryAfterSeconds: byAccount.retryAfterSeconds };
	const byAddress = await consumeAttempt(db, addressBucket, JOIN_CODE_RULES.joinCodeAddress);
	if (!byAddress.allowed) {
		await refundAttempt(db, accountBucket);
		return { ok: false, retryAfterSeconds: byAddress.retryAfterSeconds };
	}
	const code = normalizeJoinCode(input.typed);
	if (!code) return { ok: false, error: 'Un code compte 6 lettres puis 3 chiffres, par exemple KTRBXH 482.' };
	const group = await findGroupByCode(db, code);
	if (!group?.joinToken) return { ok: false, error: UNKNOWN_CODE };
	await refundAttempt(db, accountBucket);
	return { ok: true, token: group.joinToken };
}
