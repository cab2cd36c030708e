import { sql, type Kysely } from 'kysely';

/**
 * An experience's version: every save of its texts moves it, so an autosave or a form posted
 * from a stale tab is a conflict instead of a silent overwrite (../src/lib/server/portfolio/README.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('portfolio_experience').addColumn('version', 'integer', (col) => col.notNull().defaultTo(1).check(sql`version > 0`)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('portfolio_experience').dropColumn('version').execute();
}
