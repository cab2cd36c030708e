import type { Executor } from '../db';
import { hashPassword } from './password';
import { checkNewPassword } from './password-policy';
import { consumeAttempts } from './throttle';
import { insertUser, normalizeEmail, type UserRecord } from './users.repository';
import { checkDisplayName, checkEmail, normalizeDisplayName, type FieldErrors } from './validation';

export type SignUpResult =
	| { ok: true; user: UserRecord }
	| { ok: false; errors: FieldErrors }
	| { ok: false; retryAfterSeconds: number };

/**
 * Creates a candidate account, or says field by field (in French) what stops it. A form that
 * passes the field checks counts one attempt against the client address before the argon2
 * hash and the « un compte existe déjà » answer (README.md, Throttling).
 */
export async function signUp(
	db: Executor,
	input: { email: string; displayName: string; password: string; address: string; now?: Date }
): Promise<SignUpResult> {
	const email = normalizeEmail(input.email);
	const displayName = normalizeDisplayName(input.displayName);
	const errors: FieldErrors = {};
	const emailError = checkEmail(email);
	if (emailError) errors.email = emailError;
	const nameError = checkDisplayName(displayName);
	if (nameError) errors.displayName = nameError;
	const passwordError = checkNewPassword(input.password, { email, displayName });
	if (passwordError) errors.password = passwordError;
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const attempt = await consumeAttempts(db, [['signUpAddress', input.address]], input.now);
	if (!attempt.allowed) return { ok: false, retryAfterSeconds: attempt.retryAfterSeconds };

	const user = await insertUser(db, { email, displayName, passwordHash: await hashPassword(input.password) });
	if (!user) {
		return {
			ok: false,
			errors: {
				email: 'Un compte existe déjà avec cette adresse. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.'
			}
		};
	}
	return { ok: true, user };
}
