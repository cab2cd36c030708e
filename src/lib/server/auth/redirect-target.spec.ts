import { describe, expect, it } from 'vitest';
import { loginUrl, safeRedirectTarget } from './redirect-target';

/** What a browser does with a Location header: resolve it against the page's URL. */
const landsOn = (location: string) => new URL(location, 'https://jalon.exemple.fr/connexion').host;

describe('redirect after login', () => {
	it('keeps a local path with its query', () => {
		expect(safeRedirectTarget('/admin/comptes?q=dupont&page=2')).toBe('/admin/comptes?q=dupont&page=2');
		expect(safeRedirectTarget('/compte')).toBe('/compte');
		expect(safeRedirectTarget('/modules/tci/c1#quiz')).toBe('/modules/tci/c1#quiz');
	});

	it('resolves harmless dot segments to the local path they name', () => {
		expect(safeRedirectTarget('/candidat/../compte')).toBe('/compte');
		expect(safeRedirectTarget('/./compte')).toBe('/compte');
	});

	// Each of these, followed by a browser, would leave the site (or tries to through encodings).
	const hostile = [
		'https://evil.example/',
		'http:evil.example',
		'//evil.example/x',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'/..//evil.example',
		'/../..//evil.example',
		'/.%2e//evil.example',
		'/%2e%2e//evil.example',
		'/%2E%2E/%2Fevil.example',
		'/%2f%2fevil.example',
		'/%2F/evil.example',
		'/%5cevil.example',
		'/%5C%5Cevil.example',
		'/./\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/%09/evil.example',
		'/%00/compte',
		'/%E0%A4%A',
		'javascript:alert(1)',
		'compte',
		'',
		'/' + 'a'.repeat(3000)
	];

	it.each(hostile)('refuses %j', (target) => {
		const result = safeRedirectTarget(target);
		expect(result).toBeNull();
	});

	it('never returns anything a browser would take to another host', () => {
		for (const target of hostile) {
			const result = safeRedirectTarget(target) ?? '/compte';
			expect(landsOn(result), target).toBe('jalon.exemple.fr');
		}
		expect(safeRedirectTarget(null)).toBeNull();
		expect(safeRedirectTarget(undefined)).toBeNull();
	});

	it('gives back a fixed point: its answer passes unchanged', () => {
		for (const target of ['/compte', '/a/../b?c=d%20e', '/x/%2e/y']) {
			const once = safeRedirectTarget(target);
			if (once !== null) expect(safeRedirectTarget(once)).toBe(once);
		}
	});

	it('builds the login URL that brings the visitor back', () => {
		expect(loginUrl('/admin/comptes?q=a b')).toBe('/connexion?retour=%2Fadmin%2Fcomptes%3Fq%3Da%2520b');
		expect(loginUrl('//evil.example')).toBe('/connexion');
		expect(loginUrl('/..//evil.example')).toBe('/connexion');
		expect(loginUrl('/')).toBe('/connexion');
	});
});
