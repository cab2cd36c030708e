import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// Messages kept instead of sent when no SMTP server is configured (development, trials).
	await db.schema
		.createTable('outbox')
		.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('user_id', 'uuid', (col) => col.references('app_user.id').onDelete('cascade'))
		.addColumn('recipient', 'text', (col) => col.notNull())
		.addColumn('subject', 'text', (col) => col.notNull())
		.addColumn('body', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('outbox_user_id_idx').on('outbox').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('outbox').execute();
}
