import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/lib/server/auth/types';
import type { Database } from '../../src/lib/server/db/schema';
import { enrol } from '../../src/lib/server/enrolment/enrolment.repository';
import type { Pathway } from '../../src/lib/server/enrolment/pathway';

export interface TestUserOptions {
	role?: Role;
	email?: string;
	/** Certifications the user is enrolled in (learning use cases refuse anyone else). */
	enrolIn?: string[];
	pathway?: Pathway;
}

/**
 * The one user factory of the tests: inserts a user directly (tests that are not about
 * accounts need one to own their rows), optionally enrolled.
 */
export async function insertTestUser(db: Kysely<Database>, options: TestUserOptions | TestUserOptions['role'] = {}): Promise<string> {
	const { role = 'candidate', email, enrolIn = [], pathway = 'formation' } = typeof options === 'string' ? { role: options } : options;
	const tag = randomBytes(5).toString('hex');
	const row = await db
		.insertInto('app_user')
		.values({ email: email ?? `test-${tag}@exemple.fr`, display_name: email ? email.split('@')[0]! : `Test ${tag}`, password_hash: 'not-a-real-hash', role })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const certificationId of enrolIn) await enrol(db, row.id, certificationId, pathway);
	return row.id;
}
