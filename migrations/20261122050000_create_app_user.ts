import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('display_name', 'text', (col) => col.notNull())
		.addColumn('password_hash', 'text', (col) => col.notNull())
		.addColumn('role', 'text', (col) =>
			col.notNull().defaultTo('candidate').check(sql`role in ('candidate', 'trainer', 'admin')`)
		)
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	// Emails are compared without case: one account per address however it is typed.
	await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db);

	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('user_session_user_id_idx').on('user_session').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('user_session').execute();
	await db.schema.dropTable('app_user').execute();
}
