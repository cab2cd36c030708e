import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { enqueueMail, OUTBOX_SECRET_MARKER, type MailMessage } from '../mail/mailer';
import { nudgeMailWorker } from '../mail/background';
import { hashPassword } from './password';
import { checkNewPassword } from './password-policy';
import { consumeResetToken, deleteUserResetTokens, findResetTokenUserId, replaceResetToken } from './reset-tokens.repository';
import { generateSessionToken, hashToken } from './session';
import { deleteUserSessions } from './sessions.repository';
import { clearThrottle, consumeAttempts, type ThrottleSubject } from './throttle';
import { findUserByEmail, findUserById, normalizeEmail, updatePasswordHash, type UserRecord } from './users.repository';

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
export const RESET_PATH = '/reinitialiser-mot-de-passe';

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The reset message; the link itself goes apart as its secret (see ../mail/mailer.ts). */
export function composeResetEmail(user: { id: string; email: string; displayName: string }, link: string): MailMessage {
	return {
		to: user.email,
		userId: user.id,
		secret: link,
		subject: 'Jalon : réinitialiser votre mot de passe',
		text: [
			`Bonjour ${user.displayName},`,
			'',
			'Quelqu’un (vous, sans doute) a demandé à réinitialiser le mot de passe de votre compte Jalon.',
			'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure qui vient :',
			'',
			OUTBOX_SECRET_MARKER,
			'',
			'Le lien ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message :',
			'votre mot de passe actuel reste valable.',
			'',
			'— Jalon'
		].join('\n')
	};
}

/**
 * Queues a single-use reset link valid one hour, replacing any earlier link of the account
 * (one live link per account, by a unique index). The request is counted per address and per
 * email before anything else, atomically, so a burst queues at most the limit. The answer is
 * the same whether or not the email has an account, and it never waits on a mail server:
 * the message is written to the outbox in the token's transaction and sent in the background.
 */
export async function requestPasswordReset(
	db: Kysely<Database>,
	input: { email: string; origin: string; address: string; now?: Date }
): Promise<ResetRequestResult> {
	const { now = new Date() } = input;
	const email = normalizeEmail(input.email);
	const subjects: ThrottleSubject[] = [
		['resetAddress', input.address],
		['resetAccount', email]
	];
	const attempt = await consumeAttempts(db, subjects, now);
	if (!attempt.allowed) return { ok: false, retryAfterSeconds: attempt.retryAfterSeconds };

	const user = await findUserByEmail(db, email);
	if (!user) return { ok: true };
	const token = generateSessionToken();
	const link = `${input.origin}${RESET_PATH}?jeton=${encodeURIComponent(token)}`;
	await db.transaction().execute(async (trx) => {
		const expiresAt = new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS);
		await replaceResetToken(trx, { id: hashToken(token), userId: user.id, expiresAt, createdAt: now });
		await enqueueMail(trx, composeResetEmail(user, link));
	});
	nudgeMailWorker();
	return { ok: true };
}

/** The account a reset link opens, or null when the link is unknown, used or expired. */
export async function findResetTokenUser(db: Kysely<Database>, token: string, now = new Date()): Promise<UserRecord | null> {
	if (!token) return null;
	const userId = await findResetTokenUserId(db, hashToken(token), now);
	return userId ? findUserById(db, userId) : null;
}

export type ResetResult =
	| { ok: true; email: string }
	| { ok: false; reason: 'invalid-token' }
	| { ok: false; reason: 'weak-password'; message: string };

/**
 * Sets a new password through a reset link. In one transaction: the token is used up (every
 * other link of the account too), the password replaced and every session of the account
 * ended, so whoever held the old password is signed out everywhere.
 */
export async function resetPassword(
	db: Kysely<Database>,
	input: { token: string; newPassword: string; now?: Date }
): Promise<ResetResult> {
	const { now = new Date() } = input;
	const user = await findResetTokenUser(db, input.token, now);
	if (!user) return { ok: false, reason: 'invalid-token' };
	const message = checkNewPassword(input.newPassword, user);
	if (message) return { ok: false, reason: 'weak-password', message };

	const passwordHash = await hashPassword(input.newPassword);
	const done = await db.transaction().execute(async (trx) => {
		const userId = await consumeResetToken(trx, hashToken(input.token), now);
		if (userId !== user.id) return false;
		await deleteUserResetTokens(trx, user.id);
		await updatePasswordHash(trx, user.id, passwordHash);
		await deleteUserSessions(trx, user.id);
		return true;
	});
	if (!done) return { ok: false, reason: 'invalid-token' };
	// The owner proved control of the mailbox: earlier failed logins no longer hold them back.
	await clearThrottle(db, ['loginAccount', user.email]);
	return { ok: true, email: user.email };
}
