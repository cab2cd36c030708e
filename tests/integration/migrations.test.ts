import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateAllDown, migrateToLatest } from '../../src/lib/server/db/migrate';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../helpers/test-database';

async function userTables(database: TestDatabase): Promise<string[]> {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_name not like 'kysely_%'
		order by table_name`.execute(database.db);
	return rows.map((row) => row.table_name);
}

describeEachEngine('migrations', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine, { migrate: false });
	});
	afterAll(async () => database?.destroy());

	it('run all ups, all downs and all ups again, leaving the same schema', async () => {
		const names = Object.keys(bundledMigrations).sort();
		expect(names.length).toBeGreaterThan(0);

		const up = await migrateToLatest(database.db, bundledMigrations);
		expect(up).toHaveLength(names.length);
		const tablesAfterFirstUp = await userTables(database);
		expect(tablesAfterFirstUp).toContain('app_user');

		const down = await migrateAllDown(database.db, bundledMigrations);
		expect(down).toHaveLength(names.length);
		expect(await userTables(database)).toEqual([]);

		await migrateToLatest(database.db, bundledMigrations);
		expect(await userTables(database)).toEqual(tablesAfterFirstUp);
	});

	it('every migration has an up and a down', () => {
		for (const [name, migration] of Object.entries(bundledMigrations)) {
			expect(typeof migration.up, name).toBe('function');
			expect(typeof migration.down, name).toBe('function');
		}
	});
});
