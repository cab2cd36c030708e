import { describe } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { openDatabase, openMemoryDatabase, type OpenDatabase } from '../../src/lib/server/db/open-database';
import { createPostgresDatabase } from './postgres';

export { createPostgresDatabase };

export type TestEngine = 'pglite' | 'postgres';

/**
 * The engines integration tests run on: PGlite always, PostgreSQL as well when
 * TEST_DATABASE_URL is set. JALON_TEST_ENGINES (e.g. "postgres") narrows the list, so CI's
 * PostgreSQL pass does not repeat the PGlite one.
 */
export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
	const available: TestEngine[] = env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
	const wanted = env.JALON_TEST_ENGINES?.split(',').map((name) => name.trim());
	return wanted ? available.filter((engine) => wanted.includes(engine)) : available;
}

export interface TestDatabase extends OpenDatabase {
	/** Drops the database (PostgreSQL) or discards it (PGlite). */
	destroy(): Promise<void>;
}

/**
 * A fresh database for one test file. With `migrate` (the default) its schema is at the
 * latest migration.
 */
export async function createTestDatabase(engine: TestEngine, { migrate = true } = {}): Promise<TestDatabase> {
	let open: OpenDatabase;
	let drop = async () => {};
	if (engine === 'postgres') {
		const created = await createPostgresDatabase();
		open = await openDatabase({ engine: 'postgres', connectionString: created.url, poolSize: 25 });
		drop = created.drop;
	} else {
		open = await openMemoryDatabase();
	}
	if (migrate) await migrateToLatest(open.db, bundledMigrations);
	return {
		...open,
		destroy: async () => {
			await open.close();
			await drop();
		}
	};
}

/** Runs a describe block once per test engine, naming the engine in the title. */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
	for (const engine of testEngines()) describe(`${title} [${engine}]`, () => body(engine));
}
