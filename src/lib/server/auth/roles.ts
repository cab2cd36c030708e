import type { Role } from './types';

export const ROLES: readonly Role[] = ['candidate', 'trainer', 'admin'];

/** How each role is named to a French reader. */
export const ROLE_LABELS: Record<Role, string> = {
	candidate: 'Candidat',
	trainer: 'Formateur',
	admin: 'Administrateur'
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
