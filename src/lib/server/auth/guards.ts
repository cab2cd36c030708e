import { error } from '@sveltejs/kit';
import type { Role, SessionUser } from './types';

/**
 * The signed-in user of a route the access policy already restricts. The policy in the
 * handle hook is the gate; this only narrows the type, and fails closed if a route is ever
 * reached without a user.
 */
export function requireUser(locals: App.Locals): SessionUser {
	if (!locals.user) error(401, 'Connectez-vous pour continuer.');
	return locals.user;
}

/** Same, for a route of given roles (defence in depth beside the policy). */
export function requireRole(locals: App.Locals, roles: readonly Role[]): SessionUser {
	const user = requireUser(locals);
	if (!roles.includes(user.role)) error(403, 'Votre compte n’a pas accès à cette page.');
	return user;
}
