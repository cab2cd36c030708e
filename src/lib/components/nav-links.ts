/** The header's links for a visitor, and which one is the current section. */
export interface NavLink {
	href: string;
	label: string;
	/** Extra words for screen readers (the account's name). */
	hidden?: string;
}

export function navLinks(user: { role: string; displayName: string } | null, home: string | null): NavLink[] {
	const links: NavLink[] = [];
	if (user && home) links.push({ href: home, label: 'Mon espace' });
	links.push({ href: '/referentiels', label: 'Référentiels' });
	if (user?.role === 'admin' && home !== '/admin') links.push({ href: '/admin', label: 'Administration' });
	if (user) links.push({ href: '/compte', label: 'Mon compte', hidden: ` (${user.displayName})` });
	else links.push({ href: '/connexion', label: 'Se connecter' });
	return links;
}

/** The route group whose pages are prerendered files (src/routes/(public)). */
export const isPublicRoute = (routeId: string | null) => routeId?.startsWith('/(public)') ?? false;

/** Where « Mon espace » leads on a public page: the login page, which sends a signed-in visitor on to their space. */
export const PUBLIC_SPACE_HREF = '/connexion';

/** The header of the public pages: the same for everyone, signed in or not. */
export function publicNavLinks(): NavLink[] {
	return [
		{ href: PUBLIC_SPACE_HREF, label: 'Mon espace' },
		{ href: '/referentiels', label: 'Référentiels' }
	];
}

/**
 * The link whose section the path is in: the longest href that is the path or a parent of it.
 * The candidate's module pages belong to « Mon espace » (they are reached from it).
 */
export function currentSection(links: NavLink[], path: string, home: string | null): string | null {
	let best: string | null = null;
	for (const link of links) {
		const inside = path === link.href || path.startsWith(`${link.href}/`);
		if (inside && (!best || link.href.length > best.length)) best = link.href;
	}
	if (!best && home && path.startsWith('/modules/')) best = home;
	return best;
}
