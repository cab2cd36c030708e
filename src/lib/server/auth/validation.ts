/** Field-level French messages, keyed by the form field's name. */
export type FieldErrors = Record<string, string>;

/** A form field as text: missing or a file gives ''. */
export function readField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const CONTROL_CHARACTERS_IN_EMAIL = /\p{Cc}/u;

export function checkEmail(email: string): string | null {
	const trimmed = email.trim();
	if (!trimmed) return 'Saisissez votre adresse e-mail.';
	if (CONTROL_CHARACTERS_IN_EMAIL.test(trimmed)) return 'L’adresse e-mail contient des caractères non autorisés.';
	if (trimmed.length > 254 || !EMAIL_PATTERN.test(trimmed)) {
		return 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
	}
	return null;
}

export const DISPLAY_NAME_MAX_LENGTH = 80;

export function checkDisplayName(name: string): string | null {
	const trimmed = name.trim();
	if (!trimmed) return 'Saisissez le nom à afficher.';
	if ([...trimmed].length > DISPLAY_NAME_MAX_LENGTH) {
		return `Le nom ne peut pas dépasser ${DISPLAY_NAME_MAX_LENGTH} caractères.`;
	}
	if (/\p{Cc}/u.test(trimmed)) return 'Le nom contient des caractères non autorisés.';
	return null;
}

/** The display name as stored: trimmed, inner runs of spaces collapsed, NFC. */
export function normalizeDisplayName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** C0 and C1 control characters (NUL, escape, DEL…): never part of a name, an address or a password. */
const CONTROL_CHARACTERS = /\p{Cc}/u;
export const CONTROL_CHARACTER_MESSAGE = 'Ce champ contient des caractères non autorisés (caractères de contrôle).';

export function hasControlCharacters(value: string): boolean {
	return CONTROL_CHARACTERS.test(value);
}

/**
 * The fields, among those given, that hold a control character, each with the French
 * message. Checked before anything reaches the database (PostgreSQL refuses a NUL in text).
 */
export function checkControlCharacters(fields: Record<string, string>): FieldErrors {
	const errors: FieldErrors = {};
	for (const [name, value] of Object.entries(fields)) if (hasControlCharacters(value)) errors[name] = CONTROL_CHARACTER_MESSAGE;
	return errors;
}

/**
 * A positive integer query parameter: absent → `fallback`; not written as plain digits → null
 * (the caller answers 400); too large → `max`.
 */
export function parsePositiveIntParam(value: string | null, { fallback, max }: { fallback: number; max: number }): number | null {
	if (value === null || value === '') return fallback;
	if (!/^\d{1,30}$/.test(value)) return null;
	const number = Number(value);
	if (number < 1) return null;
	return Math.min(number, max);
}
