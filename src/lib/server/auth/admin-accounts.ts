import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { hashPassword } from './password';
import { changeUserRole } from './role-change';
import { insertRoleChange } from './role-audit.repository';
import { findUserByEmail, insertUser, normalizeEmail } from './users.repository';
import { checkEmail } from './validation';

export type AdminGrantResult =
	| { outcome: 'created'; email: string; password: string }
	| { outcome: 'promoted'; email: string; previousRole: string }
	| { outcome: 'already-admin'; email: string };

/** 120 random bits as six groups of four lowercase letters and digits, easy to copy once. */
export function generatePassword(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g)!.join('-');
}

/**
 * Makes the email an administrator from the command line: promotes the existing account, or
 * creates one with a generated password returned to be shown once. Either way the role
 * change is written to the audit log with origin 'cli' and no actor.
 */
export async function grantAdmin(db: Kysely<Database>, rawEmail: string, now = new Date()): Promise<AdminGrantResult> {
	const email = normalizeEmail(rawEmail);
	const problem = checkEmail(email);
	if (problem) throw new Error(problem);
	const existing = await findUserByEmail(db, email);
	if (existing) {
		if (existing.role === 'admin') return { outcome: 'already-admin', email };
		await changeUserRole(db, { actorId: null, userId: existing.id, role: 'admin', origin: 'cli', now });
		return { outcome: 'promoted', email, previousRole: existing.role };
	}
	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, { email, displayName: email.split('@')[0] ?? email, passwordHash, role: 'admin' });
		if (!user) throw new Error(`Un compte ${email} vient d’être créé par ailleurs : relancez la commande.`);
		await insertRoleChange(trx, { userId: user.id, actorId: null, oldRole: null, newRole: 'admin', origin: 'cli', createdAt: now });
	});
	return { outcome: 'created', email, password };
}
