import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// One row per counted event (failed login, reset request); kept in the database so every
	// app instance shares the counts. `bucket` is "<rule>:<sha256 of email or address>".
	await db.schema
		.createTable('auth_throttle_event')
		.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('bucket', 'text', (col) => col.notNull())
		.addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index auth_throttle_event_bucket_idx on auth_throttle_event (bucket, occurred_at desc)`.execute(db);
	await db.schema.createIndex('auth_throttle_event_occurred_at_idx').on('auth_throttle_event').column('occurred_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('auth_throttle_event').execute();
}
