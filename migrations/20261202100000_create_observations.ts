import { sql, type Kysely } from 'kysely';

/**
 * Observations of a candidate by a trainer (src/lib/server/observations/): the record of what
 * was observed, where and when, with one result per criterion. Each result is also a row of
 * the evidence ledger (source 'observation'), written in the same transaction; the ledger
 * stays the one place mastery is computed from.
 * - Never edited: a correction is a new observation whose `supersedes` names the one it
 *   replaces (at most once: unique), and each of its results supersedes the ledger row of the
 *   same criterion.
 * - The candidate's acknowledgement (« pris connaissance ») is its own table: reading an
 *   observation changes neither the observation nor the ledger.
 * - A deleted candidate takes their observations along; a deleted trainer leaves them
 *   unsigned (as evidence.recorded_by); a deleted group leaves them to the candidate.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('observation')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('candidate_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('group_id', 'uuid', (col) => col.references('trainer_group.id').onDelete('set null'))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('recorded_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('observed_on', 'text', (col) => col.notNull().check(sql`observed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and observed_on::date is not null`))
		.addColumn('place', 'text', (col) => col.notNull().check(sql`length(place) between 1 and 200`))
		.addColumn('situation', 'text', (col) => col.notNull().check(sql`situation in ('réelle', 'reconstituée', 'entretien')`))
		.addColumn('tutor_name', 'text', (col) => col.check(sql`length(tutor_name) <= 120`))
		.addColumn('tutor_role', 'text', (col) => col.check(sql`length(tutor_role) <= 120`))
		.addColumn('supersedes', 'uuid', (col) => col.references('observation.id').onDelete('cascade'))
		// The form's idempotency key: the same form sent twice records once.
		.addColumn('request_key', 'text')
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index observation_supersedes_once on observation (supersedes) where supersedes is not null`.execute(db);
	await sql`create unique index observation_request_once on observation (candidate_id, request_key) where request_key is not null`.execute(db);
	await db.schema.createIndex('observation_candidate_idx').on('observation').columns(['candidate_id', 'created_at']).execute();
	await db.schema.createIndex('observation_group_idx').on('observation').columns(['group_id', 'created_at']).execute();

	await db.schema
		.createTable('observation_result')
		.addColumn('observation_id', 'uuid', (col) => col.notNull().references('observation.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (col) => col.notNull())
		.addColumn('score', 'real', (col) => col.notNull().check(sql`score in (0, 0.5, 1)`))
		.addColumn('comment', 'text', (col) => col.check(sql`length(comment) <= 1000`))
		.addColumn('evidence_id', 'bigint', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('observation_result_pkey', ['observation_id', 'criterion_id'])
		.execute();

	await db.schema
		.createTable('observation_acknowledgement')
		.addColumn('observation_id', 'uuid', (col) => col.primaryKey().references('observation.id').onDelete('cascade'))
		.addColumn('acknowledged_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('observation_acknowledgement').execute();
	await db.schema.dropTable('observation_result').execute();
	await db.schema.dropTable('observation').execute();
}
