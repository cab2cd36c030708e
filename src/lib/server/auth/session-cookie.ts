import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'jalon_session';

/**
 * Secure cookies everywhere but local development: the request came over https, or the app
 * runs in production behind an https ORIGIN (TLS ended by a proxy). The e2e server on plain
 * http://127.0.0.1 therefore still gets a cookie the browser sends back.
 */
export function shouldUseSecureCookie(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
	if (url.protocol === 'https:') return true;
	return env.NODE_ENV === 'production' && (env.ORIGIN ?? '').startsWith('https:');
}

export function setSessionTokenCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: shouldUseSecureCookie(url),
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: shouldUseSecureCookie(url)
	});
}
