import commonPasswordsText from './common-passwords.txt?raw';
import { normalizePassword, PASSWORD_MAX_LENGTH } from './password';

export const PASSWORD_MIN_LENGTH = 12;

/** Read once when the module loads: a few thousand lowercase entries. */
const commonPasswords: ReadonlySet<string> = new Set(
	commonPasswordsText
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
);

export function isCommonPassword(password: string): boolean {
	const lower = normalizePassword(password).toLowerCase();
	// "Motdepasse2024!" is the listed word dressed up with digits and signs: refuse it too.
	const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
	return commonPasswords.has(lower) || (core.length > 0 && commonPasswords.has(core));
}

export interface PasswordContext {
	email?: string;
	displayName?: string;
}

/**
 * Checks a new password (sign-up, change, reset). Returns the French message to show beside
 * the field, or null when the password is acceptable. Length counts Unicode characters after
 * NFC normalisation, so an accented letter counts once.
 */
export function checkNewPassword(password: string, context: PasswordContext = {}): string | null {
	const normalized = normalizePassword(password);
	const length = [...normalized].length;
	if (length === 0) return 'Saisissez un mot de passe.';
	if (length < PASSWORD_MIN_LENGTH) {
		return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères (${length} saisi${length > 1 ? 's' : ''}).`;
	}
	if (length > PASSWORD_MAX_LENGTH) {
		return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
	}
	if (/^(.{1,4})\1+$/su.test(normalized)) {
		return 'Ce mot de passe est trop prévisible (un motif répété) : choisissez-en un autre.';
	}
	if (isCommonPassword(normalized)) {
		return 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre, par exemple une courte phrase.';
	}
	const lower = normalized.toLowerCase();
	const localPart = context.email?.split('@')[0]?.toLowerCase() ?? '';
	const name = context.displayName?.trim().toLowerCase() ?? '';
	if ((localPart.length >= 4 && lower.includes(localPart)) || (name.length >= 4 && lower === name)) {
		return 'Le mot de passe ne doit pas reprendre votre adresse e-mail ou votre nom.';
	}
	return null;
}
