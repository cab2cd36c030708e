import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import type { Database } from './schema';

export interface OpenDatabase {
	db: Kysely<Database>;
	engine: DatabaseConfig['engine'];
	close(): Promise<void>;
}

// timestamptz and bigint arrive as strings from pg; dates are wanted as Date, counts as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Opens the database the configuration names. PGlite's folder is locked for this process. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
	if (config.engine === 'postgres') {
		const pool = new pg.Pool({
			connectionString: config.connectionString,
			max: config.poolSize,
			// A stopped server must fail a request quickly (healthz answers 503), not hang it.
			connectionTimeoutMillis: 5_000,
			idleTimeoutMillis: 30_000
		});
		// An idle client losing its server must not crash the process.
		pool.on('error', (error) => console.error(`[db] connexion PostgreSQL perdue : ${error.message}`));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, engine: 'postgres', close: () => db.destroy() };
	}
	const release = lockDataDir(config.dataDir);
	try {
		const client = await PGlite.create(config.dataDir);
		const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
		return {
			db,
			engine: 'pglite',
			close: async () => {
				await db.destroy();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

/** An in-memory PGlite database, for tests and tools that need a throwaway database. */
export async function openMemoryDatabase(): Promise<OpenDatabase> {
	const client = await PGlite.create();
	const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
	return { db, engine: 'pglite', close: () => db.destroy() };
}
