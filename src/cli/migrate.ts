// npm run db:migrate | npm run db:rollback [-- --all]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { describeDatabase, readDatabaseConfig } from '../lib/server/db/config';
import { migrateAllDown, migrateDown, migrateToLatest, type MigrationModules } from '../lib/server/db/migrate';
import { openDatabase } from '../lib/server/db/open-database';

async function loadMigrations(dir: string): Promise<MigrationModules> {
	const modules: MigrationModules = {};
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
		modules[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
	}
	return modules;
}

const [direction, flag] = process.argv.slice(2);
const config = readDatabaseConfig();
console.log(`Base : ${describeDatabase(config)}`);
const open = await openDatabase(config);
try {
	const migrations = await loadMigrations(path.resolve('migrations'));
	const applied =
		direction === 'down'
			? flag === '--all'
				? await migrateAllDown(open.db, migrations)
				: await migrateDown(open.db, migrations)
			: await migrateToLatest(open.db, migrations);
	console.log(applied.length ? applied.join('\n') : 'Rien à faire : le schéma est déjà dans cet état.');
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	await open.close();
}
