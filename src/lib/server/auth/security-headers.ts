/**
 * Headers every response carries. The Content-Security-Policy itself comes from SvelteKit
 * (kit.csp in svelte.config.js), which hashes its own inline scripts.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// Reset links carry their token in the URL: never send a path to another site.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin'
};

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
