import { randomBytes, randomInt } from 'node:crypto';

/**
 * Join codes: 6 letters then 3 digits (as Pix Orga's), from an alphabet without look-alikes
 * (no I, L, O: they pass for 1 and 0), so a code read aloud or copied from a slide is typed
 * right. Stored upper case without spaces; typed in any case, with spaces or dashes.
 */
export const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_PATTERN = /^[A-HJKMNP-Z]{6}[0-9]{3}$/;

/** A new random code (uniqueness is the database's job: the caller retries on collision). */
export function generateJoinCode(random: (max: number) => number = randomInt): string {
	let code = '';
	for (let i = 0; i < 6; i++) code += CODE_LETTERS[random(CODE_LETTERS.length)];
	for (let i = 0; i < 3; i++) code += String(random(10));
	return code;
}

/** What the candidate typed, as stored: upper case, spaces and dashes removed; null if it cannot be a code. */
export function normalizeJoinCode(typed: string): string | null {
	const code = typed.normalize('NFKC').replace(/[\s\-‐-―.]/g, '').toUpperCase();
	return CODE_PATTERN.test(code) ? code : null;
}

/** How a code is shown: letters and digits apart, easier to read out (« KTRBXH 482 »). */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 6)} ${code.slice(6)}`;
}

/** The secret of a join link: 160 random bits, URL-safe. */
export function generateJoinToken(): string {
	return randomBytes(20).toString('base64url');
}

/** A link token's shape, checked before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{27}$/;
