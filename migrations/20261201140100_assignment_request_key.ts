import { sql, type Kysely } from 'kysely';

/**
 * The assignment form's idempotency key: a form sent twice (a double click, a reload that
 * replays the post) assigns each module once.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('assignment').addColumn('request_key', 'text').execute();
	await sql`create unique index assignment_request_once on assignment (group_id, competence_id, request_key) where request_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index assignment_request_once`.execute(db);
	await db.schema.alterTable('assignment').dropColumn('request_key').execute();
}
