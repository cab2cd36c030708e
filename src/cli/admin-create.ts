// npm run admin:create -- <email>
// Makes <email> an administrator: promotes the account, or creates it with a generated
// password printed once. Asks nothing, so it can run from a provisioning script.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { grantAdmin } from '../lib/server/auth/admin-accounts';
import { ROLE_LABELS } from '../lib/server/auth/roles';
import type { Role } from '../lib/server/auth/types';
import { describeDatabase, readDatabaseConfig } from '../lib/server/db/config';
import { migrateToLatest, type MigrationModules } from '../lib/server/db/migrate';
import { openDatabase } from '../lib/server/db/open-database';

async function loadMigrations(dir: string): Promise<MigrationModules> {
	const modules: MigrationModules = {};
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
		modules[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
	}
	return modules;
}

const email = process.argv[2];
if (!email) {
	console.error('Usage : npm run admin:create -- <adresse e-mail>');
	process.exit(2);
}

const config = readDatabaseConfig();
console.log(`Base : ${describeDatabase(config)}`);
const open = await openDatabase(config);
try {
	// A fresh database has no tables yet: bring it up to date as the server would.
	await migrateToLatest(open.db, await loadMigrations(path.resolve('migrations')));
	const result = await grantAdmin(open.db, email);
	if (result.outcome === 'created') {
		console.log(`Compte administrateur créé : ${result.email}`);
		console.log(`Mot de passe (affiché une seule fois, à changer dans « Mon compte ») : ${result.password}`);
	} else if (result.outcome === 'promoted') {
		console.log(`${result.email} est maintenant administrateur (auparavant : ${ROLE_LABELS[result.previousRole as Role]}).`);
	} else {
		console.log(`${result.email} est déjà administrateur : rien à faire.`);
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	await open.close();
}
