import type { Migration } from 'kysely';
import type { MigrationModules } from './migrate';

// Vite bundles the migration files into the built app, which has no migrations/ folder on disk.
const files = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

/** The migrations of migrations/, keyed by file name without extension. */
export const bundledMigrations: MigrationModules = Object.fromEntries(
	Object.entries(files).map(([file, module]) => [file.replace(/^.*\/|\.ts$/g, ''), module])
);
