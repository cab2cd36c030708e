import { describe, expect, it } from 'vitest';
import { assertSameOrigin, isSameOriginRequest } from './csrf';

const url = new URL('https://jalon.exemple.fr/api/quelque-chose');
const request = (method: string, origin?: string) =>
	new Request(url, { method, headers: origin ? { origin } : {}, body: method === 'GET' ? undefined : '{}' });

describe('same-origin check for JSON endpoints', () => {
	it('lets reads through and same-origin writes', () => {
		expect(isSameOriginRequest(request('GET'), url)).toBe(true);
		expect(isSameOriginRequest(request('POST', 'https://jalon.exemple.fr'), url)).toBe(true);
	});

	it('refuses writes from another origin or with no Origin header', () => {
		expect(isSameOriginRequest(request('POST', 'https://evil.example'), url)).toBe(false);
		expect(isSameOriginRequest(request('DELETE', 'http://jalon.exemple.fr'), url)).toBe(false);
		expect(isSameOriginRequest(request('PUT'), url)).toBe(false);
		expect(() => assertSameOrigin({ request: request('POST', 'https://evil.example'), url })).toThrow();
	});
});
