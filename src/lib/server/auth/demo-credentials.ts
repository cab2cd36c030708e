import type { Role } from './types';

/**
 * The demo accounts created on the embedded database (and on PostgreSQL with JALON_DEMO=1).
 * These passwords are public on purpose: they are printed at start-up and used by the
 * end-to-end tests. Never enable demo accounts on a server reachable by others.
 * Plain data with no imports, so Playwright tests can import it.
 */
export interface DemoAccount {
	email: string;
	password: string;
	displayName: string;
	role: Role;
}

export const DEMO_ACCOUNTS = {
	candidate: {
		email: 'candidat@demo.jalon.fr',
		password: 'demo-jalon-candidat',
		displayName: 'Camille Candidat (démo)',
		role: 'candidate'
	},
	trainer: {
		email: 'formateur@demo.jalon.fr',
		password: 'demo-jalon-formateur',
		displayName: 'Frédéric Formateur (démo)',
		role: 'trainer'
	},
	vae: {
		email: 'vae@demo.jalon.fr',
		password: 'demo-jalon-vae-candidat',
		displayName: 'Valérie Candidate VAE (démo)',
		role: 'candidate'
	},
	admin: {
		email: 'admin@demo.jalon.fr',
		password: 'demo-jalon-admin',
		displayName: 'Alex Administrateur (démo)',
		role: 'admin'
	}
} as const satisfies Record<string, DemoAccount>;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
