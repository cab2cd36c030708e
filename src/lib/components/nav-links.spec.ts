import { describe, expect, it } from 'vitest';
import { currentSection, isPublicRoute, navLinks, publicNavLinks, PUBLIC_SPACE_HREF } from './nav-links';

describe('the header links', () => {
	it('offer « Mon espace » to every signed-in role, leading to its own space', () => {
		for (const [role, home] of [['candidate', '/candidat'], ['trainer', '/formateur'], ['admin', '/admin']]) {
			const links = navLinks({ role: role!, displayName: 'Camille' }, home!);
			expect(links[0]).toEqual({ href: home, label: 'Mon espace' });
		}
		expect(navLinks(null, null).map((link) => link.label)).toEqual(['Référentiels', 'Se connecter']);
	});

	it('mark the section the page is in, modules under the candidate’s space', () => {
		const links = navLinks({ role: 'candidate', displayName: 'Camille' }, '/candidat');
		expect(currentSection(links, '/candidat/progression/tci', '/candidat')).toBe('/candidat');
		expect(currentSection(links, '/referentiels/tci', '/candidat')).toBe('/referentiels');
		expect(currentSection(links, '/modules/tci/c1', '/candidat')).toBe('/candidat');
		expect(currentSection(links, '/candidature', '/candidat')).toBeNull();
		expect(currentSection(links, '/', '/candidat')).toBeNull();
	});
});

describe('the public header (prerendered pages)', () => {
	it('belongs to the routes of the (public) group only', () => {
		expect(isPublicRoute('/(public)')).toBe(true);
		expect(isPublicRoute('/(public)/referentiels/[certification]')).toBe(true);
		expect(isPublicRoute('/candidat')).toBe(false);
		expect(isPublicRoute('/connexion')).toBe(false);
		expect(isPublicRoute(null)).toBe(false);
	});

	it('leads « Mon espace » to the login page, which sends a signed-in visitor on, and offers no account link', () => {
		const links = publicNavLinks();
		expect(links.find((link) => link.label === 'Mon espace')?.href).toBe(PUBLIC_SPACE_HREF);
		expect(PUBLIC_SPACE_HREF).toBe('/connexion');
		expect(links.map((link) => link.label)).not.toContain('Mon compte');
		expect(currentSection(links, '/referentiels/tci', null)).toBe('/referentiels');
		expect(currentSection(links, '/', null)).toBeNull();
	});
});
