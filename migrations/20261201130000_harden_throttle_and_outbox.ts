import { sql, type Kysely } from 'kysely';

// Hardening (issue 22):
// - throttling moves from one row per event (checked, then recorded after the expensive work,
//   so a parallel burst passed) to one counter per bucket, incremented by a single upsert
//   before the work is done (src/lib/server/auth/throttle.ts);
// - one live reset token per account, enforced by a unique index;
// - the outbox becomes a queue sent by a background worker: status, attempts, backoff, a
//   lease for claiming, and the link kept apart (`secret`) until the message is sent.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('throttle_counter')
		// "<rule>:<sha256 of the email or client address>"
		.addColumn('bucket', 'text', (col) => col.primaryKey())
		.addColumn('attempts', 'integer', (col) => col.notNull())
		.addColumn('window_ends_at', 'timestamptz', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('throttle_counter_window_ends_at_idx').on('throttle_counter').column('window_ends_at').execute();
	await db.schema.dropTable('auth_throttle_event').execute();

	// Keep the newest token of each account, then allow one only.
	await sql`
		delete from password_reset_token t
		using password_reset_token newer
		where newer.user_id = t.user_id and (newer.created_at, newer.id) > (t.created_at, t.id)`.execute(db);
	await db.schema.dropIndex('password_reset_token_user_id_idx').execute();
	await db.schema.createIndex('password_reset_token_user_id_key').unique().on('password_reset_token').column('user_id').execute();

	await db.schema
		.alterTable('outbox')
		.addColumn('secret', 'text')
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
		.addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('locked_until', 'timestamptz')
		.addColumn('sent_at', 'timestamptz')
		.addColumn('last_error', 'text')
		.execute();
	await sql`alter table outbox add constraint outbox_status_check check (status in ('pending', 'sent', 'failed'))`.execute(db);
	// Messages written before this migration were already "delivered" to the log: mark them
	// sent and take their links out, so no export or backup carries a live reset link.
	await sql`
		update outbox set status = 'sent', sent_at = created_at,
			body = regexp_replace(body, 'https?://[^[:space:]]*jeton=[^[:space:]]*', '(lien retiré)', 'g')`.execute(db);
	await sql`create index outbox_pending_idx on outbox (next_attempt_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index outbox_pending_idx`.execute(db);
	await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
	for (const column of ['secret', 'status', 'attempts', 'next_attempt_at', 'locked_until', 'sent_at', 'last_error']) {
		await db.schema.alterTable('outbox').dropColumn(column).execute();
	}
	await db.schema.dropIndex('password_reset_token_user_id_key').execute();
	await db.schema.createIndex('password_reset_token_user_id_idx').on('password_reset_token').column('user_id').execute();
	await db.schema.dropTable('throttle_counter').execute();
	await db.schema
		.createTable('auth_throttle_event')
		.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('bucket', 'text', (col) => col.notNull())
		.addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index auth_throttle_event_bucket_idx on auth_throttle_event (bucket, occurred_at desc)`.execute(db);
	await db.schema.createIndex('auth_throttle_event_occurred_at_idx').on('auth_throttle_event').column('occurred_at').execute();
}
