import { sql } from 'kysely';
import { bundledMigrations } from './db/bundled-migrations';
import { describeDatabase, readDatabaseConfig } from './db/config';
import { closeDatabase, setDatabase } from './db';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';

type StartupTask = () => Promise<void>;
const afterMigrationTasks: StartupTask[] = [];
const shutdownTasks: StartupTask[] = [];

/** Lets a domain run work once the database is migrated (e.g. creating demo accounts). */
export function onDatabaseReady(task: StartupTask): void {
	afterMigrationTasks.push(task);
}

/** Lets a domain stop its background work (timers, a worker) before the database closes. */
export function onShutdown(task: StartupTask): void {
	shutdownTasks.push(task);
}

/**
 * Lines printed last at start-up, after the address (e.g. the demo accounts), read by the
 * server entry (src/cli/server.js) once it listens.
 */
export function addStartupNote(line: string): void {
	const global = globalThis as Record<symbol, unknown>;
	// Started some other way (node build/index.js): print now.
	if (!global[Symbol.for('jalon.serverEntry')]) return console.log(line);
	((global[Symbol.for('jalon.startupNotes')] ??= []) as string[]).push(line);
}

/**
 * Opens the configured database, brings its schema up to date and installs it for the
 * process. Any failure stops the start with a message instead of serving a broken app.
 */
export async function startDatabase(): Promise<void> {
	const config = readDatabaseConfig();
	console.log(`[jalon] base de données : ${describeDatabase(config)}`);
	const open = await openDatabase(config);
	setDatabase(open);
	const applied = await migrateToLatest(open.db, bundledMigrations);
	console.log(
		applied.length
			? `[jalon] migrations appliquées : ${applied.join(', ')}`
			: '[jalon] schéma à jour, aucune migration à appliquer'
	);
	for (const task of afterMigrationTasks) await task();
	// PostgreSQL's pool opens connections on demand: open a few now (a page runs up to four
	// queries at once), so the first pages after « prêt » do not wait for them.
	if (config.engine === 'postgres') {
		await Promise.all(Array.from({ length: Math.min(4, config.poolSize) }, () => sql`select 1`.execute(open.db)));
	}
	// The Node adapter emits this once in-flight requests have finished after SIGTERM/SIGINT.
	process.once('sveltekit:shutdown' as NodeJS.Signals, () => {
		void (async () => {
			for (const task of shutdownTasks) await task().catch((error) => console.error(error));
			await closeDatabase();
			console.log('[jalon] base de données fermée');
		})();
	});
}
