import { sql, type Kysely } from 'kysely';

// Each quiz session and scenario run draws its option order and its tokens from a secret seed
// (src/lib/server/learning/attempt-draw.ts). Attempts started before this migration get a
// random seed of their own; new ones always receive one from the application.
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['quiz_session', 'scenario_run']) {
		await db.schema
			.alterTable(table)
			.addColumn('draw_seed', 'text', (col) => col.notNull().defaultTo(sql`md5(random()::text || clock_timestamp()::text)`))
			.execute();
		await sql`alter table ${sql.table(table)} alter column draw_seed drop default`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['quiz_session', 'scenario_run']) {
		await db.schema.alterTable(table).dropColumn('draw_seed').execute();
	}
}
