import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

/** Inserts a user directly (tests that are not about accounts need one to own their rows). */
export async function insertTestUser(db: Kysely<Database>, role: 'candidate' | 'trainer' | 'admin' = 'candidate'): Promise<string> {
	const tag = randomBytes(5).toString('hex');
	const row = await db
		.insertInto('app_user')
		.values({ email: `test-${tag}@exemple.fr`, display_name: `Test ${tag}`, password_hash: 'not-a-real-hash', role })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
