import { describe, expect, it } from 'vitest';
import { loginUrl, safeRedirectTarget } from './redirect-target';

describe('redirect after login', () => {
	it('keeps a local path with its query', () => {
		expect(safeRedirectTarget('/admin/comptes?q=dupont&page=2')).toBe('/admin/comptes?q=dupont&page=2');
		expect(safeRedirectTarget('/compte')).toBe('/compte');
	});

	it('refuses anything that could leave the site', () => {
		const targets = ['https://evil.example/', '//evil.example/x', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)'];
		for (const target of [...targets, 'compte', '/\tevil', '', null, undefined]) {
			expect(safeRedirectTarget(target), String(target)).toBeNull();
		}
	});

	it('builds the login URL that brings the visitor back', () => {
		expect(loginUrl('/admin/comptes?q=a b')).toBe('/connexion?retour=%2Fadmin%2Fcomptes%3Fq%3Da%2520b');
		expect(loginUrl('//evil.example')).toBe('/connexion');
		expect(loginUrl('/')).toBe('/connexion');
	});
});
