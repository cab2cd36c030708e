import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { DEMO_ACCOUNTS } from './demo-credentials';
import { hashPassword, verifyPasswordHash } from './password';
import { findUserByEmail, insertUser } from './users.repository';

/**
 * Demo accounts exist on the embedded database (a trial on one machine), never on PostgreSQL
 * unless JALON_DEMO=1; JALON_DEMO=0 turns them off everywhere.
 */
export function shouldCreateDemoAccounts(engine: 'pglite' | 'postgres' | null, env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.JALON_DEMO === '0') return false;
	return env.JALON_DEMO === '1' || engine === 'pglite';
}

function demoLine(account: { displayName: string; email: string; password: string }): string {
	return `  ${account.displayName.padEnd(30)} ${account.email.padEnd(26)} mot de passe : ${account.password}`;
}

/**
 * The lines printed at every start: the demo accounts that exist and still have their public
 * password (one its user changed is not printed, its password is no longer the public one).
 */
export async function listDemoAccountLines(db: Kysely<Database>): Promise<string[]> {
	const lines: string[] = [];
	for (const account of Object.values(DEMO_ACCOUNTS)) {
		const user = await findUserByEmail(db, account.email);
		if (user && (await verifyPasswordHash(user.passwordHash, account.password))) lines.push(demoLine(account));
	}
	return lines;
}

/**
 * Creates the demo accounts that do not exist yet (an account the user changed or deleted is
 * left as it is) and returns the lines for those just created.
 */
export async function ensureDemoAccounts(db: Kysely<Database>): Promise<string[]> {
	const created: string[] = [];
	for (const account of Object.values(DEMO_ACCOUNTS)) {
		if (await findUserByEmail(db, account.email)) continue;
		const user = await insertUser(db, {
			email: account.email,
			displayName: account.displayName,
			role: account.role,
			passwordHash: await hashPassword(account.password)
		});
		if (user) created.push(demoLine(account));
	}
	return created;
}
