import path from 'node:path';

export type DatabaseConfig =
	| { engine: 'postgres'; connectionString: string; poolSize: number }
	| { engine: 'pglite'; dataDir: string };

/**
 * Reads the database settings from the environment: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite database in JALON_DATA_DIR (default ./data).
 */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) {
		const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
		return {
			engine: 'postgres',
			connectionString: url,
			poolSize: Number.isInteger(poolSize) && poolSize > 0 ? poolSize : 10
		};
	}
	return { engine: 'pglite', dataDir: path.resolve(env.JALON_DATA_DIR?.trim() || 'data') };
}

/** A description safe to print: never the password of a connection string. */
export function describeDatabase(config: DatabaseConfig): string {
	if (config.engine === 'pglite') return `PGlite embarqué (dossier ${config.dataDir})`;
	const url = new URL(config.connectionString);
	return `PostgreSQL (${url.hostname}:${url.port || 5432}${url.pathname})`;
}
