import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('password_reset_token')
		// SHA-256 of the token, hex: the link's token itself is never stored.
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('password_reset_token_user_id_idx').on('password_reset_token').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_reset_token').execute();
}
