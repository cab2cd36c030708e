import { bundledMigrations } from './db/bundled-migrations';
import { describeDatabase, readDatabaseConfig } from './db/config';
import { closeDatabase, setDatabase } from './db';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';

type StartupTask = () => Promise<void>;
const afterMigrationTasks: StartupTask[] = [];

/** Lets a domain run work once the database is migrated (e.g. creating demo accounts). */
export function onDatabaseReady(task: StartupTask): void {
	afterMigrationTasks.push(task);
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
	// The Node adapter emits this once in-flight requests have finished after SIGTERM/SIGINT.
	process.once('sveltekit:shutdown' as NodeJS.Signals, () => {
		void closeDatabase().then(() => console.log('[jalon] base de données fermée'));
	});
}
