import type { Role } from './types';

/**
 * Who may enter which part of the application: the one table the handle hook enforces on
 * every page, form action, data request and endpoint. Rules match a route id (groups such as
 * "(public)" removed) by prefix: '/admin' covers '/admin' and everything under it; the
 * longest matching prefix wins. A route no rule names is for signed-in users only, so a
 * route added later is never public by accident.
 *
 * Plain data with no framework import: the access-matrix test imports it.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface AccessRule {
	prefix: string;
	access: Access;
	/** Only the route equal to the prefix, not what is under it (needed for '/'). */
	exact?: boolean;
}

export const ACCESS_POLICY: readonly AccessRule[] = [
	{ prefix: '/', access: 'public', exact: true },
	{ prefix: '/referentiels', access: 'public' },
	{ prefix: '/metiers', access: 'public' },
	{ prefix: '/healthz', access: 'public' },
	{ prefix: '/connexion', access: 'public' },
	{ prefix: '/inscription', access: 'public' },
	{ prefix: '/deconnexion', access: 'public' },
	{ prefix: '/mot-de-passe-oublie', access: 'public' },
	{ prefix: '/reinitialiser-mot-de-passe', access: 'public' },
	// Answers 404 unless JALON_DEV_OUTBOX=1 and no SMTP_URL (see the route).
	{ prefix: '/dev/outbox', access: 'public' },
	{ prefix: '/compte', access: 'signed-in' },
	{ prefix: '/candidat', access: 'signed-in' },
	// « Préparer l'évaluation » modules; the quiz itself is for candidates enrolled in the certification (checked in the use case).
	{ prefix: '/preparation', access: 'signed-in' },
	{ prefix: '/vae', access: 'signed-in' },
	// Proof documents: owner or reviewer of the portfolio, checked in mayReadPortfolio (portfolio/access.ts).
	{ prefix: '/portfolio', access: 'signed-in' },
	// Joining a group: public so that a visitor is offered sign-up with the way back; the pages
	// show nothing of a group and the actions join nothing before signing in.
	{ prefix: '/rejoindre', access: 'public' },
	{ prefix: '/formateur', access: ['trainer', 'admin'] },
	// The tutor's company-opinion form (no account): public, but each link reaches only its own
	// invitation (the token's hash), closed ones show no data, unknown tokens are throttled.
	{ prefix: '/avis-entreprise', access: 'public' },
	{ prefix: '/admin', access: ['admin'] }
];

export const DEFAULT_ACCESS: Access = 'signed-in';

/** '/(app)/admin/(lists)/comptes' → '/admin/comptes'. */
export function stripRouteGroups(routeId: string): string {
	const path = routeId
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.join('/');
	return path.startsWith('/') ? path : `/${path}`;
}

function matches(rule: AccessRule, path: string): boolean {
	if (path === rule.prefix) return true;
	return !rule.exact && path.startsWith(rule.prefix.endsWith('/') ? rule.prefix : `${rule.prefix}/`);
}

/** The access a route id requires: its longest matching rule, or signed-in by default. */
export function accessFor(routeId: string, policy: readonly AccessRule[] = ACCESS_POLICY): Access {
	const path = stripRouteGroups(routeId);
	let best: AccessRule | null = null;
	for (const rule of policy) {
		if (matches(rule, path) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
	}
	return best ? best.access : DEFAULT_ACCESS;
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

/**
 * What to do with a request: 'allow', 'sign-in' (anonymous on a protected route: send to the
 * login page) or 'forbidden' (signed in with the wrong role: 403). A request that matched no
 * route (route id null) is allowed through to its 404.
 */
export function decideAccess(routeId: string | null, user: { role: Role } | null): AccessDecision {
	if (routeId === null) return 'allow';
	const access = accessFor(routeId);
	if (access === 'public') return 'allow';
	if (!user) return 'sign-in';
	if (access === 'signed-in') return 'allow';
	return access.includes(user.role) ? 'allow' : 'forbidden';
}
