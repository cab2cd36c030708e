// Plain JavaScript so that the server entry (src/cli/server.js, outside the bundle) can put
// these on every response, static assets and the framework's own answers included, while
// security-headers.ts adds them (and what depends on the request) inside the app.

/**
 * Headers every response carries. The Content-Security-Policy itself comes from SvelteKit
 * (kit.csp in svelte.config.js), which hashes its own inline scripts.
 * @type {Readonly<Record<string, string>>}
 */
export const SECURITY_HEADERS = Object.freeze({
	'x-content-type-options': 'nosniff',
	// Reset links carry their token in the URL: never send a path to another site.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin'
});
