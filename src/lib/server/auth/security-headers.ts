import { SECURITY_HEADERS } from './security-header-values.js';

export { SECURITY_HEADERS };

/** Sets the security headers that are not already set; adds HSTS on https. */
export function applySecurityHeaders(headers: Headers, url: URL, signedIn: boolean): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (url.protocol === 'https:' && !headers.has('strict-transport-security')) {
		headers.set('strict-transport-security', 'max-age=31536000');
	}
	// Pages shown to a signed-in user hold personal data: no shared or back-button cache.
	if (signedIn && !headers.has('cache-control')) headers.set('cache-control', 'private, no-store');
}
