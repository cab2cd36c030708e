import { homeOf } from '$lib/paths';
import { isPublicRoute } from '$lib/components/nav-links';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, route }) => {
	// Public pages are files built for everyone: their header cannot know who is signed in
	// (« Mon espace » goes to the login page, which sends a signed-in visitor on to their
	// space). Reading route.id also makes this load run again when a client-side navigation
	// leaves a public page for a personal one, so the personal header is never stale.
	if (isPublicRoute(route.id)) return { user: null, home: null, publicHeader: true };
	return { user: locals.user, home: locals.user ? homeOf(locals.user.role) : null, publicHeader: false };
};
