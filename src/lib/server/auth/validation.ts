/** Field-level French messages, keyed by the form field's name. */
export type FieldErrors = Record<string, string>;

/** A form field as text: missing or a file gives ''. */
export function readField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function checkEmail(email: string): string | null {
	const trimmed = email.trim();
	if (!trimmed) return 'Saisissez votre adresse e-mail.';
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
