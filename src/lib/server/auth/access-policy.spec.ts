import { describe, expect, it } from 'vitest';
import { accessFor, decideAccess, stripRouteGroups } from './access-policy';

const candidate = { role: 'candidate' } as const;
const trainer = { role: 'trainer' } as const;
const admin = { role: 'admin' } as const;

describe('access policy', () => {
	it('lists the public routes explicitly', () => {
		const publicRoutes = ['/', '/referentiels', '/referentiels/[certification]', '/metiers/[id]', '/healthz'];
		const authPages = ['/connexion', '/inscription', '/deconnexion', '/mot-de-passe-oublie', '/reinitialiser-mot-de-passe'];
		for (const route of [...publicRoutes, ...authPages]) {
			expect(accessFor(route), route).toBe('public');
			expect(decideAccess(route, null), route).toBe('allow');
		}
	});

	it('denies by default: an unknown route is for signed-in users', () => {
		expect(accessFor('/une-route-ajoutee-plus-tard')).toBe('signed-in');
		expect(decideAccess('/modules/[certification]/[competence]', null)).toBe('sign-in');
		expect(decideAccess('/modules/[certification]/[competence]', candidate)).toBe('allow');
		// '/' is public only by itself, not as a prefix of everything.
		expect(decideAccess('/secret', null)).toBe('sign-in');
		// A prefix matches whole segments: '/administration' is not '/admin'.
		expect(accessFor('/administration')).toBe('signed-in');
		expect(accessFor('/referentielsx')).toBe('signed-in');
	});

	it('keeps /admin for admins and /formateur for trainers and admins', () => {
		expect(decideAccess('/admin/comptes/[id]', null)).toBe('sign-in');
		expect(decideAccess('/admin/comptes/[id]', candidate)).toBe('forbidden');
		expect(decideAccess('/admin/comptes/[id]', trainer)).toBe('forbidden');
		expect(decideAccess('/admin/comptes/[id]', admin)).toBe('allow');
		expect(decideAccess('/formateur/groupes', candidate)).toBe('forbidden');
		expect(decideAccess('/formateur/groupes', trainer)).toBe('allow');
		expect(decideAccess('/formateur/groupes', admin)).toBe('allow');
		for (const route of ['/compte', '/compte/export', '/candidat/carte', '/vae/dossier']) {
			expect(decideAccess(route, null), route).toBe('sign-in');
			expect(decideAccess(route, candidate), route).toBe('allow');
		}
	});

	it('ignores route groups, so a group cannot hide a route from its rule', () => {
		expect(stripRouteGroups('/(app)/admin/(lists)/comptes')).toBe('/admin/comptes');
		expect(stripRouteGroups('/(public)')).toBe('/');
		expect(decideAccess('/(app)/admin/comptes', candidate)).toBe('forbidden');
		expect(decideAccess('/(public)/referentiels/[certification]', null)).toBe('allow');
	});

	it('lets a request that matched no route through to its 404', () => {
		expect(decideAccess(null, null)).toBe('allow');
	});
});
