import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { checkPasswordLogin } from './login';
import { hashPassword, normalizePassword } from './password';
import { checkNewPassword } from './password-policy';
import { createSession, generateSessionToken, type Session } from './session';
import { deleteUserSessions } from './sessions.repository';
import type { SessionUser } from './types';
import { updatePasswordHash } from './users.repository';
import type { FieldErrors } from './validation';

export type PasswordChangeResult =
	| { ok: true; token: string; session: Session }
	| { ok: false; errors: FieldErrors }
	| { ok: false; retryAfterSeconds: number };

/**
 * Changes the password of a signed-in user who proves they know the current one. Every
 * session of the user ends, this one included, and a new session is opened in the same
 * transaction: the caller sets its token as the cookie, so this device stays signed in.
 */
export async function changePassword(
	db: Kysely<Database>,
	input: { user: SessionUser; currentPassword: string; newPassword: string; address: string; now?: Date }
): Promise<PasswordChangeResult> {
	const { user, now = new Date() } = input;
	const check = await checkPasswordLogin(db, { email: user.email, password: input.currentPassword, address: input.address, now });
	if (check.outcome === 'throttled') return { ok: false, retryAfterSeconds: check.retryAfterSeconds };

	const errors: FieldErrors = {};
	if (check.outcome === 'invalid') errors.currentPassword = 'Le mot de passe actuel est incorrect.';
	const policyError = checkNewPassword(input.newPassword, { email: user.email, displayName: user.displayName });
	if (policyError) errors.newPassword = policyError;
	else if (normalizePassword(input.newPassword) === normalizePassword(input.currentPassword)) {
		errors.newPassword = 'Choisissez un mot de passe différent de l’actuel.';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	const passwordHash = await hashPassword(input.newPassword);
	const token = generateSessionToken();
	const session = await db.transaction().execute(async (trx) => {
		await updatePasswordHash(trx, user.id, passwordHash);
		await deleteUserSessions(trx, user.id);
		return createSession(trx, token, user.id, now);
	});
	return { ok: true, token, session };
}
