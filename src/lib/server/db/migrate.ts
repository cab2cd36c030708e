import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

/** Migrations keyed by file name; the name's timestamp prefix gives the order. */
export type MigrationModules = Record<string, Migration>;

class ModuleMigrationProvider implements MigrationProvider {
	constructor(private readonly modules: MigrationModules) {}
	async getMigrations(): Promise<Record<string, Migration>> {
		return this.modules;
	}
}

function createMigrator(db: Kysely<any>, modules: MigrationModules): Migrator {
	return new Migrator({ db, provider: new ModuleMigrationProvider(modules) });
}

function unwrap({ error, results }: MigrationResultSet): string[] {
	const failed = results?.find((result) => result.status === 'Error');
	if (error) {
		const where = failed ? ` (migration ${failed.migrationName})` : '';
		throw new Error(`Échec de la migration${where} : ${error instanceof Error ? error.message : String(error)}`);
	}
	return (results ?? []).map((result) => `${result.direction === 'Up' ? '↑' : '↓'} ${result.migrationName}`);
}

/** Applies every pending migration; returns one line per migration applied. */
export async function migrateToLatest(db: Kysely<any>, modules: MigrationModules): Promise<string[]> {
	return unwrap(await createMigrator(db, modules).migrateToLatest());
}

/** Undoes the last applied migration. */
export async function migrateDown(db: Kysely<any>, modules: MigrationModules): Promise<string[]> {
	return unwrap(await createMigrator(db, modules).migrateDown());
}

/** Undoes every migration (used by the round-trip test and `db:rollback -- --all`). */
export async function migrateAllDown(db: Kysely<any>, modules: MigrationModules): Promise<string[]> {
	const { NO_MIGRATIONS } = await import('kysely');
	return unwrap(await createMigrator(db, modules).migrateTo(NO_MIGRATIONS));
}
