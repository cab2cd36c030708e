export const LOGIN_PATH = '/connexion';
/** Query parameter carrying where to go after logging in. */
export const RETURN_PARAM = 'retour';

/**
 * The local path to go to after logging in, or null. Only same-origin paths are accepted
 * ("/x", never "//evil.example" or "/\evil.example" that browsers read as another host), so
 * the login page cannot be used to send someone to another site.
 */
export function safeRedirectTarget(target: string | null | undefined): string | null {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return null;
	if (/[\u0000-\u001f\u007f]/.test(target)) return null;
	const base = 'http://jalon.invalid';
	try {
		const url = new URL(target, base);
		if (url.origin !== base) return null;
		return `${url.pathname}${url.search}${url.hash}`;
	} catch {
		return null;
	}
}

/** The login page URL that brings the visitor back to `target` afterwards. */
export function loginUrl(target?: string | null): string {
	const safe = safeRedirectTarget(target);
	return safe && safe !== '/' ? `${LOGIN_PATH}?${RETURN_PARAM}=${encodeURIComponent(safe)}` : LOGIN_PATH;
}

/** Where a user lands after logging in with no other destination. */
export const HOME_AFTER_LOGIN = '/compte';
