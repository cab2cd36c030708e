// npx tsx tests/bench/login-time.ts — how long one login costs on this machine.
// Measures argon2id verification alone and a whole password check (throttle look-ups, user
// query, verification) on an in-memory PGlite database, as medians over 30 runs.
import { checkPasswordLogin } from '../../src/lib/server/auth/login';
import { hashPassword, verifyPasswordHash } from '../../src/lib/server/auth/password';
import { insertUser } from '../../src/lib/server/auth/users.repository';
import { migrateToLatest, type MigrationModules } from '../../src/lib/server/db/migrate';
import { openMemoryDatabase } from '../../src/lib/server/db/open-database';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time(run: () => Promise<unknown>): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await run();
		samples.push(performance.now() - started);
	}
	return samples;
}

const password = 'une phrase de passe assez longue';
const hash = await hashPassword(password);
const hashing = await time(() => hashPassword(password));
const verifying = await time(() => verifyPasswordHash(hash, password));

const open = await openMemoryDatabase();
const modules: MigrationModules = {};
for (const file of fs.readdirSync('migrations').filter((name) => name.endsWith('.ts')).sort()) {
	modules[file.replace(/\.ts$/, '')] = await import(pathToFileURL(path.resolve('migrations', file)).href);
}
await migrateToLatest(open.db, modules);
await insertUser(open.db, { email: 'mesure@exemple.fr', displayName: 'Mesure', passwordHash: hash });
const login = await time(() => checkPasswordLogin(open.db, { email: 'mesure@exemple.fr', password, address: '127.0.0.1' }));
// A new email and address each time, so the throttle (which answers at once) stays out of it.
let n = 0;
const unknown = await time(() => checkPasswordLogin(open.db, { email: `inconnu-${++n}@exemple.fr`, password, address: `127.0.1.${n}` }));
await open.close();

const show = (label: string, samples: number[]) =>
	console.log(`${label.padEnd(44)} médiane ${median(samples).toFixed(1)} ms  (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`);
show('argon2id hash (m=19456, t=2, p=1)', hashing);
show('argon2id vérification', verifying);
show('connexion réussie (PGlite, throttle compris)', login);
show('adresse inconnue (hash factice)', unknown);
