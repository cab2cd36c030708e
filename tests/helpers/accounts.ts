import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Role } from '../../src/lib/server/auth/types';
import { insertUser, type UserRecord } from '../../src/lib/server/auth/users.repository';
import type { Database } from '../../src/lib/server/db/schema';

export const TEST_PASSWORD = 'une phrase de passe assez longue';

/** Creates an account with a real argon2id hash of `password`, under a fresh email. */
export async function createAccount(
	db: Kysely<Database>,
	{ role = 'candidate', password = TEST_PASSWORD, name = 'compte' }: { role?: Role; password?: string; name?: string } = {}
): Promise<UserRecord> {
	const email = `${name}-${randomBytes(5).toString('hex')}@exemple.fr`;
	const user = await insertUser(db, { email, displayName: `Test ${name}`, passwordHash: await hashPassword(password), role });
	if (!user) throw new Error('compte de test non créé');
	return user;
}

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 24 * 60 * 60_000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
