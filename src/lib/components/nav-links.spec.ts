import { describe, expect, it } from 'vitest';
import { currentSection, navLinks } from './nav-links';

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
