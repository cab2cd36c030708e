export const LOGIN_PATH = '/connexion';
/** Query parameter carrying where to go after logging in. */
export const RETURN_PARAM = 'retour';

const BASE = 'http://jalon.invalid';

/** Whether a path, as a browser reads a Location header, stays on this site. */
function isLocalPath(path: string): boolean {
	return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

/**
 * The local path to go to after logging in, or null. The target is normalised as a browser
 * would (dot segments, percent-encoded dots, backslashes) and the RESULT is checked, then
 * checked again once decoded: only a same-origin path comes back, never one a browser reads
 * as another host (`//evil.example`, `/\evil.example`, `/..//evil.example`,
 * `/.%2e//evil.example`, `/%2F%2Fevil.example`). Control characters and backslashes are
 * refused outright. The answer is its own fixed point: passing it again gives it back.
 */
export function safeRedirectTarget(target: string | null | undefined): string | null {
	if (!target || target.length > 2048 || !isLocalPath(target)) return null;
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return null;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const result = `${url.pathname}${url.search}${url.hash}`;
	if (!isLocalPath(result)) return null;
	let decoded: string;
	try {
		decoded = decodeURIComponent(url.pathname);
	} catch {
		return null;
	}
	if (!isLocalPath(decoded) || /[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
	// A second pass must change nothing; if it would, the input was playing with encodings.
	if (new URL(result, BASE).href !== url.href) return null;
	return result;
}

/** The login page URL that brings the visitor back to `target` afterwards. */
export function loginUrl(target?: string | null): string {
	const safe = safeRedirectTarget(target);
	return safe && safe !== '/' ? `${LOGIN_PATH}?${RETURN_PARAM}=${encodeURIComponent(safe)}` : LOGIN_PATH;
}

/** Where a user lands after logging in with no other destination. */
export const HOME_AFTER_LOGIN = '/compte';
