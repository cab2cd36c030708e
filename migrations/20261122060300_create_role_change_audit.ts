import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('role_change_audit')
		.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
		// The account whose role changed: its history goes with it when it is deleted.
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		// Who changed it. When that admin deletes their account, the entry stays (the change
		// did happen) and loses only the name: the one documented exception to ON DELETE
		// CASCADE (see src/lib/server/auth/README.md). Null as well for the command line.
		.addColumn('actor_id', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('old_role', 'text', (col) => col.check(sql`old_role in ('candidate', 'trainer', 'admin')`))
		.addColumn('new_role', 'text', (col) => col.notNull().check(sql`new_role in ('candidate', 'trainer', 'admin')`))
		.addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('web', 'cli')`))
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('role_change_audit_user_id_idx').on('role_change_audit').columns(['user_id', 'created_at']).execute();
	await db.schema.createIndex('role_change_audit_actor_id_idx').on('role_change_audit').column('actor_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('role_change_audit').execute();
}
