// npm run bench (second part), or `npx tsx tests/bench/cohort.ts`: the trainer's cohort view of
// a group of 500 TCI candidates (89 criteria, ~44,500 summary rows) and the group's CSV, on
// PostgreSQL at 10 connections, beside GET /connexion (server-rendered, no data) measured in
// the same run. Prints p95s, ratios and the queries one cohort page sends. No assertion.
//
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is an admin URL: a fresh database is created and
// dropped. BENCH_CONNECTIONS=10 BENCH_SECONDS=10 BENCH_GROUP=500. JALON_BUILD_DIR: the build.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type KyselyPlugin, type Migration, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import pg from 'pg';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { readContentFiles } from '../../src/lib/server/content/files';
import { loadCatalog } from '../../src/lib/server/content/load';
import { migrateToLatest, type MigrationModules } from '../../src/lib/server/db/migrate';
import { openDatabase } from '../../src/lib/server/db/open-database';
import { loadCohort } from '../../src/lib/server/groups/cohort.service';
import { findGroup } from '../../src/lib/server/groups/groups.repository';
import { findManagedGroup } from '../../src/lib/server/groups/groups.service';
import { startApp } from '../support/app-server';
import { runLoad, type LoadResult } from './load';
import { seedBench } from './seed';

const number = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
};
const CONNECTIONS = Math.min(number('BENCH_CONNECTIONS', 10), 64);
const SECONDS = Math.min(number('BENCH_SECONDS', 10), 120);
const GROUP = number('BENCH_GROUP', 500);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const buildDir = process.env.JALON_BUILD_DIR || 'build';
if (!fs.existsSync(path.join(buildDir, 'index.js'))) throw new Error(`${buildDir}/index.js absent : lancez d’abord npm run build`);

/** Counts the queries sent through the executor it is plugged into. */
class QueryCounter implements KyselyPlugin {
	count = 0;
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		this.count++;
		return args.node;
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}

async function adminQuery(text: string): Promise<void> {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

const migrations: MigrationModules = {};
for (const file of fs.readdirSync('migrations').filter((name) => name.endsWith('.ts')).sort()) {
	migrations[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.resolve('migrations', file)).href)) as Migration;
}

const name = `jalon_bench_cohort_${randomBytes(4).toString('hex')}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
console.log(`Banc de la vue de cohorte : groupe de ${GROUP} candidats TCI, PostgreSQL, ${CONNECTIONS} connexions, ${SECONDS} s par page, ${os.cpus().length} cœurs, charge ${os.loadavg()[0]!.toFixed(1)}`);

await adminQuery(`create database "${name}"`);
try {
	const { catalog } = loadCatalog(readContentFiles('content'));
	const now = new Date();
	const open = await openDatabase({ engine: 'postgres', connectionString: url.toString(), poolSize: 4 });
	let token: string;
	let groupId: string;
	let queries: number;
	let summaryRows: number;
	try {
		await migrateToLatest(open.db, migrations);
		const started = performance.now();
		await seedBench(open.db, catalog, { certificationId: 'tci', candidates: GROUP, heavyEvidence: 600, now });
		const trainer = await open.db.insertInto('app_user').values({ email: 'formateur@banc.jalon.test', display_name: 'Formateur (banc)', password_hash: 'banc', role: 'trainer' }).returning('id').executeTakeFirstOrThrow();
		const group = await open.db.insertInto('trainer_group').values({ name: 'Groupe de 500 (banc)', certification_id: 'tci', kind: 'formation', starts_on: null, ends_on: null, evaluation_on: null, join_code: 'BANCAA500', join_token: 'banc-token' }).returning('id').executeTakeFirstOrThrow();
		groupId = group.id;
		await open.db.insertInto('group_trainer').values({ group_id: groupId, trainer_id: trainer.id }).execute();
		const candidates = await open.db.selectFrom('app_user').select('id').where('role', '=', 'candidate').execute();
		await open.db.insertInto('group_member').values(candidates.map((c) => ({ group_id: groupId, candidate_id: c.id }))).execute();
		await open.db.insertInto('assignment').values({ group_id: groupId, competence_id: 'tci.c1', due_on: '2026-01-15', instruction: null, whole_group: true }).execute();
		token = generateSessionToken();
		await createSession(open.db, token, trainer.id, now);
		await sql`analyze`.execute(open.db);
		summaryRows = Number((await sql<{ n: string }>`select count(*) as n from criterion_summary`.execute(open.db)).rows[0]!.n);
		console.log(`Seeding : ${candidates.length} candidats, ${summaryRows} lignes de résumé, en ${fixed((performance.now() - started) / 1000)} s`);
		// The queries of one cohort page: the group lookup the route makes, then the cohort itself.
		const counter = new QueryCounter();
		const counted = open.db.withPlugin(counter);
		const managed = await findManagedGroup(counted, { id: trainer.id, role: 'trainer' }, groupId);
		await loadCohort(counted, catalog, (await findGroup(open.db, groupId)) ?? managed!, now);
		queries = counter.count;
	} finally {
		await open.close();
	}

	const app = await startApp({ DATABASE_URL: url.toString() }, buildDir);
	try {
		const headers = { cookie: `jalon_session=${token}`, accept: 'text/html' };
		const pages = [
			{ path: '/connexion', label: 'GET /connexion (référence, sans données)', headers: { accept: 'text/html' } },
			{ path: `/formateur/groupes/${groupId}?tri=preparation`, label: 'cohorte, page 1 (50 candidats, critères, tri par préparation)', headers },
			{ path: `/formateur/groupes/${groupId}/export.csv`, label: `CSV des ${GROUP} candidats`, headers }
		];
		for (const page of pages.slice(1)) {
			const check = await fetch(`${startAppOrigin(app)}${page.path}`, { headers: page.headers, redirect: 'manual' });
			const body = await check.text();
			if (check.status !== 200) throw new Error(`${page.path} : statut ${check.status}`);
			console.log(`${page.label} : ${fixed(body.length / 1024, 0)} Ko`);
		}
		const results = new Map<string, LoadResult>();
		for (const page of pages) {
			await runLoad(`${startAppOrigin(app)}${page.path}`, page.headers, CONNECTIONS, 2_000);
			results.set(page.path, await runLoad(`${startAppOrigin(app)}${page.path}`, page.headers, CONNECTIONS, SECONDS * 1000));
		}
		console.log(`\n${'page'.padEnd(66)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'req/s'.padStart(7)}  erreurs`);
		for (const page of pages) {
			const r = results.get(page.path)!;
			console.log(`${page.label.padEnd(66)}  ${fixed(r.p50).padStart(8)}  ${fixed(r.p95).padStart(8)}  ${fixed(r.perSecond, 0).padStart(7)}  ${r.errors}`);
		}
		const base = results.get('/connexion')!;
		const cohort = results.get(pages[1]!.path)!;
		const csv = results.get(pages[2]!.path)!;
		console.log(`\nRequêtes SQL par page de cohorte : ${queries} (recherche du groupe et droits : 2 ; cohorte : ${queries - 2}), plus la session (hook) — le même nombre quelle que soit la taille du groupe.`);
		console.log(`Cohorte : p95 ${fixed(cohort.p95)} ms — cible ≤ 250 ms ${cohort.p95 <= 250 ? 'atteinte' : 'NON atteinte'} ; ${fixed(cohort.p95 / base.p95, 2)}× la référence — cible ≤ 5× ${cohort.p95 <= 5 * base.p95 ? 'atteinte' : 'NON atteinte'}`);
		console.log(`CSV de ${GROUP} : p95 ${fixed(csv.p95)} ms, ${fixed(csv.p95 / base.p95, 2)}× la référence (p95 ${fixed(base.p95)} ms).`);
		console.log(`Charge en fin de banc : ${os.loadavg()[0]!.toFixed(1)} (machine partagée : comparer les rapports, pas les temps seuls).`);
	} finally {
		await app.stop();
	}
} finally {
	await adminQuery(`drop database if exists "${name}" with (force)`).catch((error: Error) => console.error(`nettoyage : ${error.message}`));
}

function startAppOrigin(app: { origin: string }): string {
	return app.origin;
}
