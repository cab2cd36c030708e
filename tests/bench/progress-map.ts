// npm run bench [-- --build]: latency and throughput of a candidate's progress map, side by side
// with static pages of the same app, on PostgreSQL and on PGlite. No assertion: it prints.
//
// BENCH_DATABASE_URL (or TEST_DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres)
// is an admin URL: a fresh database is created there and dropped at the end.
// BENCH_ENGINES=postgres,pglite  BENCH_CONNECTIONS=10  BENCH_SECONDS=10  BENCH_CANDIDATES=200
// BENCH_EVIDENCE=5000 (rows of the measured candidate). BENCH_LOAD=0 prints only the page
// weights and heights (no load run).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { readContentFiles } from '../../src/lib/server/content/files';
import { loadCatalog } from '../../src/lib/server/content/load';
import { migrateToLatest, type MigrationModules } from '../../src/lib/server/db/migrate';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/open-database';
import { runLoad, type LoadResult } from './load';
import { seedBench, type Seeded } from './seed';
import { startApp } from '../support/app-server';
import { measurePages, printMapTargets, printWeights, type PageWeight } from './page-weights';
import { BASELINE_PATH } from '../load/baseline';
import { seedCandidates } from '../load/databases';
import { runAnswerLoad, type AnswerLoad } from './answer-load';
import { measureFirstRequests, printFirstRequests, type FirstRequest } from './first-request';
import { printTargets } from './targets';
import { measureLoadData, printLoadData, type DataWeight } from './load-data';

const number = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
};
const CONNECTIONS = Math.min(number('BENCH_CONNECTIONS', 10), 64);
const SECONDS = Math.min(number('BENCH_SECONDS', 10), 120);
const CANDIDATES = number('BENCH_CANDIDATES', 200);
const EVIDENCE = number('BENCH_EVIDENCE', 5000);
const LOAD = process.env.BENCH_LOAD !== '0';
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CERTIFICATION = 'tci';
const MAP_PATH = `/candidat/progression/${CERTIFICATION}`;
const WEIGHED = [
	{ path: MAP_PATH, label: 'carte de progression' },
	{ path: `${MAP_PATH}/c1`, label: 'détail d’une compétence' },
	{ path: `${MAP_PATH}/rapport`, label: 'rapport de préparation' },
	{ path: `/modules/${CERTIFICATION}/c1`, label: 'page d’un module' }
];
const MODULE_PATH = `/modules/${CERTIFICATION}/c1`;
const PRERENDERED = ['/', `/referentiels/${CERTIFICATION}`];
/** Personal pages whose serialised load data is weighed (quiz and scenario pages are added). */
const DATA_PAGES = [
	{ label: 'espace candidat', path: '/candidat' },
	{ label: 'page de module', path: MODULE_PATH },
	{ label: 'carte de progression', path: MAP_PATH },
	{ label: 'détail d’une compétence', path: `${MAP_PATH}/c1` }
];
/** Candidates answering quizzes for the CPU per answer (issue 23). */
const QUIZ_CANDIDATES = number('BENCH_QUIZ_CANDIDATES', 10);
const PAGES: { path: string; label: string; anonymous?: boolean }[] = [
	// The baseline of every benchmark: server-rendered, no data, anonymous (tests/load/baseline.ts).
	{ path: BASELINE_PATH, label: 'référence (anonyme)', anonymous: true },
	{ path: '/', label: 'accueil (fichier prérendu)' },
	{ path: `/referentiels/${CERTIFICATION}`, label: 'référentiel TCI (fichier prérendu)' },
	{ path: MODULE_PATH, label: 'page de module' },
	{ path: MAP_PATH, label: 'carte de progression' }
];

async function loadMigrations(dir: string): Promise<MigrationModules> {
	const modules: MigrationModules = {};
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
		modules[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
	}
	return modules;
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

interface EngineRun {
	engine: string;
	database: { DATABASE_URL: string } | { JALON_DATA_DIR: string };
	open(): Promise<OpenDatabase>;
	cleanup(): Promise<void>;
}

function postgresRun(): EngineRun {
	const name = `jalon_bench_${randomBytes(5).toString('hex')}`;
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		engine: 'PostgreSQL',
		database: { DATABASE_URL: url.toString() },
		open: async () => {
			await adminQuery(`create database "${name}"`);
			return openDatabase({ engine: 'postgres', connectionString: url.toString(), poolSize: 4 });
		},
		cleanup: () => adminQuery(`drop database if exists "${name}" with (force)`)
	};
}

function pgliteRun(): EngineRun {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-'));
	return {
		engine: 'PGlite',
		database: { JALON_DATA_DIR: dir },
		open: () => openDatabase({ engine: 'pglite', dataDir: dir }),
		cleanup: async () => fs.rmSync(dir, { recursive: true, force: true })
	};
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

type Measured = LoadResult & { cpuPerRequest: number | null };

async function benchEngine(run: EngineRun, migrations: MigrationModules): Promise<{ seeded: Seeded; results: Map<string, Measured>; weights: PageWeight[]; answers: AnswerLoad | null; first: FirstRequest[]; data: DataWeight[] }> {
	const { catalog } = loadCatalog(readContentFiles('content'));
	const now = new Date();
	const seedStarted = performance.now();
	const open = await run.open();
	let seeded: Seeded;
	let quizCandidates: Awaited<ReturnType<typeof seedCandidates>> = [];
	try {
		await migrateToLatest(open.db, migrations);
		seeded = await seedBench(open.db, catalog, { certificationId: CERTIFICATION, candidates: CANDIDATES, heavyEvidence: EVIDENCE, now });
		quizCandidates = await seedCandidates(open.db, migrations, QUIZ_CANDIDATES);
		if (run.engine === 'PostgreSQL') await sql`analyze`.execute(open.db);
	} finally {
		// PGlite's folder takes one process: the seeding connection must be closed before the app starts.
		await open.close();
	}
	console.log(`${run.engine} : ${seeded.users} candidats, ${seeded.evidence} preuves enregistrées en ${fixed((performance.now() - seedStarted) / 1000)} s`);

	const app = await startApp(run.database);
	const results = new Map<string, Measured>();
	let weights: PageWeight[] = [];
	let answers: AnswerLoad | null = null;
	let first: FirstRequest[] = [];
	let data: DataWeight[] = [];
	try {
		const headers = { cookie: `jalon_session=${seeded.token}` };
		first = await measureFirstRequests(app.origin, headers.cookie, [MODULE_PATH, MAP_PATH]);
		const check = await fetch(`${app.origin}${MAP_PATH}`, { headers, redirect: 'manual' });
		const body = await check.text();
		if (check.status !== 200 || !body.includes('Estimation de préparation')) {
			throw new Error(`la carte ne répond pas comme prévu (statut ${check.status}) : build/ est-il à jour ? Relancez avec -- --build.`);
		}
		weights = await measurePages(app.origin, seeded.token, WEIGHED);
		const scenarioId = catalog.modules.find((module) => module.competenceId === `${CERTIFICATION}.c1`)!.scenarios[0]!.id;
		data = await measureLoadData(app.origin, seeded.token, DATA_PAGES, MODULE_PATH, scenarioId);
		for (const page of LOAD ? PAGES : []) {
			const asked = page.anonymous ? {} : headers;
			await runLoad(`${app.origin}${page.path}`, asked, CONNECTIONS, 2_000); // warm-up
			const cpuBefore = app.cpuMs();
			const result = await runLoad(`${app.origin}${page.path}`, asked, CONNECTIONS, SECONDS * 1000);
			const cpuAfter = app.cpuMs();
			const cpuPerRequest = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / result.requests : null;
			results.set(page.path, { ...result, cpuPerRequest });
		}
		const quizModules = catalog.modules.filter((module) => module.certificationId === CERTIFICATION && module.quiz.length > 0);
		if (LOAD) answers = await runAnswerLoad(app, quizCandidates, quizModules, CERTIFICATION, SECONDS);
	} finally {
		await app.stop();
	}
	return { seeded, results, weights, answers, first, data };
}

function printTable(rows: { engine: string; results: Map<string, Measured> }[]): void {
	const header = ['moteur', 'page', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'CPU app ms/req', 'Ko/réponse', 'erreurs'];
	const lines = rows.flatMap(({ engine, results }) =>
		PAGES.map((page) => {
			const r = results.get(page.path)!;
			return [engine, `${page.path} — ${page.label}`, fixed(r.p50), fixed(r.p95), fixed(r.p99), fixed(r.perSecond, 0), r.cpuPerRequest === null ? '—' : fixed(r.cpuPerRequest, 2), fixed(r.bytes / 1024, 0), String(r.errors)];
		})
	);
	const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
	const format = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
	console.log(`\n${format(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
	for (const line of lines) console.log(format(line));
}

if (process.argv.includes('--build') || !fs.existsSync('build/index.js')) {
	console.log('Construction de l’application (vite build)…');
	const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const migrations = await loadMigrations(path.resolve('migrations'));
console.log(
	`Banc de la carte de progression : ${CONNECTIONS} connexions, ${SECONDS} s par page, boucle locale, ${os.cpus().length} cœurs, charge ${os.loadavg()[0]!.toFixed(1)}`
);
const rows: { engine: string; results: Map<string, Measured>; answers: AnswerLoad | null }[] = [];
const firsts: { engine: string; first: FirstRequest[]; data: DataWeight[] }[] = [];
const weighed: { engine: string; weights: PageWeight[] }[] = [];
let seededInfo: Seeded | null = null;
for (const engine of ENGINES) {
	const run = engine === 'pglite' ? pgliteRun() : engine === 'postgres' ? postgresRun() : null;
	if (!run) throw new Error(`moteur inconnu : ${engine}`);
	try {
		const { seeded, results, weights, answers, first, data } = await benchEngine(run, migrations);
		seededInfo = seeded;
		weighed.push({ engine: run.engine, weights });
		firsts.push({ engine: run.engine, first, data });
		if (LOAD) rows.push({ engine: run.engine, results, answers });
	} finally {
		await run.cleanup().catch((error: Error) => console.error(`nettoyage de ${run.engine} : ${error.message}`));
	}
}

if (seededInfo) console.log(`\nCandidat mesuré : ${EVIDENCE} preuves sur un an, ${seededInfo.criteria} critères (TCI) ; une session de ce candidat sur toutes les pages.`);
for (const { engine, weights } of weighed) printWeights(engine, weights);
const mapWeight = weighed[0]?.weights.find((w) => w.path === MAP_PATH);
if (mapWeight) printMapTargets(mapWeight);
console.log('');
for (const { engine, first, data } of firsts) {
	printLoadData(engine, data);
	printFirstRequests(engine, first);
}
if (rows.length === 0) process.exit(0);
printTable(rows);
console.log(`\nCPU app : temps processeur du serveur Node par requête (hors PostgreSQL), moins sensible aux autres processus que les latences. Charge en fin de banc : ${os.loadavg()[0]!.toFixed(1)}.`);
for (const { engine, results } of rows) {
	const map = results.get(MAP_PATH)!;
	for (const page of PAGES.filter((p) => p.path !== MAP_PATH && p.path !== BASELINE_PATH)) {
		const base = results.get(page.path)!;
		console.log(`${engine} : p95 carte / p95 ${page.path} = ${fixed(map.p95 / base.p95, 2)}× ; débit ${fixed(map.perSecond / base.perSecond, 2)}×`);
	}
}
const postgres = rows.find((row) => row.engine === 'PostgreSQL');
if (postgres) {
	const map = postgres.results.get(MAP_PATH)!;
	const reference = postgres.results.get(`/referentiels/${CERTIFICATION}`)!;
	console.log(
		`\nCible PostgreSQL : p95 carte < 50 ms → ${fixed(map.p95)} ms ${map.p95 < 50 ? 'atteinte' : 'NON atteinte'} ; ` +
			`≤ 3× la page statique (référentiel TCI) → ${fixed(map.p95 / reference.p95, 2)}× ${map.p95 <= 3 * reference.p95 ? 'atteinte' : 'NON atteinte'}`
	);
}
for (const { engine, results, answers } of rows) printTargets({ engine, results, answers, prerendered: PRERENDERED, modulePath: MODULE_PATH, mapPath: MAP_PATH });
