export type Role = 'candidate' | 'trainer' | 'admin';

/** What every request knows about the signed-in user (set by the handle hook). */
export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
}
