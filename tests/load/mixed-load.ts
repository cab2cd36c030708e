// npm run bench:mixed [-- --pglite] [-- --cluster] [-- --build]
//
// A centre's morning: candidates signed in and enrolled, each in a loop of 70 % module pages,
// 20 % quiz answers (real answers through the form action, with idempotency keys, read from
// the page as a browser does) and 10 % progress maps, for a fixed time. Beside it, in the same
// run, the baseline every benchmark shares: GET /connexion, anonymous, server-rendered, no
// data. Figures are reported as ratios to it (these machines are noisy). Each kind is also
// measured alone, briefly, for the app's CPU time per request. At the end, every answer the
// app acknowledged must be stored exactly once (PASS/FAIL).
//
// Environment (all optional): LOAD_DATABASE_URL or TEST_DATABASE_URL (admin URL of a loopback
// PostgreSQL; a database is created for the run and dropped), JALON_BUILD_DIR, MIXED_SECONDS=30,
// MIXED_CANDIDATES=20 (PGlite: 5), MIXED_CERTIFICATION=tci. --cluster runs the PostgreSQL load
// again on one instance per core (src/cli/cluster.js, JALON_WORKERS workers) to report the gain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readContentFiles } from '../../src/lib/server/content/files';
import { loadCatalog } from '../../src/lib/server/content/load';
import type { Module } from '../../src/lib/server/content/types';
import { moduleHref, progressHref } from '../../src/lib/paths';
import { startApp, type RunningApp } from '../support/app-server';
import { seededRandom } from '../helpers/random';
import { BASELINE_LABEL, BASELINE_PATH, cpuPerRequest, fixed } from './baseline';
import { answerNext, type QuizPlayer } from './quiz-player';
import { checkConsistency, loadMigrations, pgliteRun, postgresRun, seedCandidates, type Acknowledged, type EngineRun } from './databases';
import { createClient, type Client } from './http-client';

const number = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SECONDS = number('MIXED_SECONDS', 30);
const CERTIFICATION = process.env.MIXED_CERTIFICATION ?? 'tci';
const ADMIN_URL = process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUILD_DIR = process.env.JALON_BUILD_DIR || 'build';
const BASELINE = BASELINE_PATH;

type Kind = 'module' | 'answer' | 'map' | 'baseline';
const LABELS: Record<Kind, string> = { module: 'page de module', answer: 'réponse au quiz', map: 'carte de progression', baseline: BASELINE_LABEL };

type Player = QuizPlayer;

class Series {
	latencies: number[] = [];
	errors = 0;
	examples: string[] = [];
	fail(message: string) {
		this.errors++;
		if (this.examples.length < 3) this.examples.push(message);
	}
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

async function timed(series: Series, request: () => Promise<string | null>): Promise<void> {
	const started = performance.now();
	const error = await request().catch((failure: Error) => `échec réseau : ${failure.message}`);
	series.latencies.push(performance.now() - started);
	if (error) series.fail(error);
}

const expectOk = (client: Client, target: string) => async () => {
	const reply = await client.get(target);
	return reply.status === 200 ? null : `GET ${target} : statut ${reply.status}`;
};

/** One quiz answer, as a browser sends it: the page is read (not timed), the form posted (timed). */
const answer = (player: Player, series: Series, acknowledged: Acknowledged[]) => answerNext(player, acknowledged, (post) => timed(series, post));

/** Every player loops on the mixed kinds until the deadline. */
async function mixedPhase(players: Player[], seconds: number, acknowledged: Acknowledged[]): Promise<Record<Kind, Series> & { wallMs: number }> {
	const series = { module: new Series(), answer: new Series(), map: new Series(), baseline: new Series() };
	const started = performance.now();
	const end = started + seconds * 1000;
	await Promise.all(
		players.map(async (player) => {
			while (performance.now() < end) {
				const roll = player.random();
				if (roll < 0.7) {
					const module = player.modules[Math.floor(player.random() * player.modules.length)]!;
					await timed(series.module, expectOk(player.client, moduleHref(module.competenceId)));
				} else if (roll < 0.9) {
					await answer(player, series.answer, acknowledged);
				} else {
					await timed(series.map, expectOk(player.client, progressHref(CERTIFICATION)));
				}
			}
		})
	);
	return { ...series, wallMs: performance.now() - started };
}

/** The baseline, anonymous, by as many connections as there are players. */
async function baselinePhase(clients: Client[], seconds: number): Promise<Series> {
	const series = new Series();
	const end = performance.now() + seconds * 1000;
	await Promise.all(clients.map(async (client) => {
		while (performance.now() < end) await timed(series, expectOk(client, BASELINE));
	}));
	return series;
}

async function runEngine(run: EngineRun, candidates: number, modules: Module[], entry?: string) {
	const migrations = await loadMigrations();
	const seeding = await run.open();
	const seeded = await seedCandidates(seeding.db, migrations, candidates).finally(() => seeding.close());
	const acknowledged: Acknowledged[] = [];
	let app: RunningApp | null = null;
	const players: Player[] = [];
	const anonymous: Client[] = [];
	try {
		app = await startApp(run.appEnv, BUILD_DIR, entry);
		const origin = app.origin;
		for (const [index, candidate] of seeded.entries()) {
			const client = createClient(origin, candidate.token);
			const enrolled = await client.postForm('/candidat?/enrol', [['certification', CERTIFICATION], ['pathway', 'formation']]);
			if (enrolled.status !== 303) throw new Error(`inscription : statut ${enrolled.status}`);
			players.push({ userId: candidate.userId, client, quiz: null, modules, random: seededRandom(1000 + index) });
			anonymous.push(createClient(origin, 'anonyme'));
		}
		// Warm-up (not measured): every path a few times.
		await mixedPhase(players, 3, acknowledged);
		await baselinePhase(anonymous, 2);

		// CPU per request, each kind alone.
		const count = (series: Series) => series.latencies.length;
		const cpu: Partial<Record<Kind, number | null>> = {};
		cpu.baseline = await cpuPerRequest(app, async () => count(await baselinePhase(anonymous, 4)));
		cpu.module = await cpuPerRequest(app, async () => {
			const series = new Series();
			const end = performance.now() + 4000;
			await Promise.all(players.map(async (p) => { while (performance.now() < end) await timed(series, expectOk(p.client, moduleHref(modules[0]!.competenceId))); }));
			return count(series);
		});
		cpu.map = await cpuPerRequest(app, async () => {
			const series = new Series();
			const end = performance.now() + 4000;
			await Promise.all(players.map(async (p) => { while (performance.now() < end) await timed(series, expectOk(p.client, progressHref(CERTIFICATION))); }));
			return count(series);
		});

		// The run itself: baseline, mixed load, baseline again, so a slow spell hits both.
		const before = await baselinePhase(anonymous, SECONDS / 3);
		const mixed = await mixedPhase(players, SECONDS, acknowledged);
		const after = await baselinePhase(anonymous, SECONDS / 3);
		const baseline = new Series();
		baseline.latencies = [...before.latencies, ...after.latencies];
		baseline.errors = before.errors + after.errors;
		return { engine: run.engine, mixed, baseline, baselineSeconds: (2 * SECONDS) / 3, cpu, acknowledged, userIds: seeded.map((c) => c.userId) };
	} finally {
		for (const client of [...players.map((p) => p.client), ...anonymous]) client.close();
		await app?.stop();
	}
}


// ── main ──
if (process.argv.includes('--build') || !fs.existsSync(path.join(BUILD_DIR, 'index.js'))) {
	const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env: { ...process.env, JALON_BUILD_DIR: BUILD_DIR } });
	if (built.status !== 0) process.exit(built.status ?? 1);
}
const { catalog } = loadCatalog(readContentFiles('content'));
const modules = catalog.modules.filter((module) => module.certificationId === CERTIFICATION && module.quiz.length > 0);
const engines: { run: EngineRun; candidates: number; entry?: string; label?: string }[] = [{ run: postgresRun(ADMIN_URL), candidates: number('MIXED_CANDIDATES', 20) }];
const CLUSTER_ENTRY = 'src/cli/cluster.js';
if (process.argv.includes('--cluster')) {
	engines.push({ run: postgresRun(ADMIN_URL), candidates: number('MIXED_CANDIDATES', 20), entry: CLUSTER_ENTRY, label: `une instance par cœur (${process.env.JALON_WORKERS || os.availableParallelism()} processus)` });
}
if (process.argv.includes('--pglite')) engines.push({ run: pgliteRun(), candidates: Math.min(5, number('MIXED_CANDIDATES', 5)) });
console.log(`Charge mixte : 70 % pages de module, 20 % réponses au quiz, 10 % cartes (${CERTIFICATION}), ${SECONDS} s, ${os.cpus().length} cœurs, Node ${process.version}`);
process.once('SIGINT', () => void Promise.allSettled(engines.map((e) => e.run.cleanup())).then(() => process.exit(130)));

let failed = false;
const rates: { label: string; rate: number; baseRate: number }[] = [];
for (const { run, candidates, entry, label } of engines) {
	try {
		const result = await runEngine(run, candidates, modules, entry);
		const baseline = [...result.baseline.latencies].sort((a, b) => a - b);
		const baseP95 = percentile(baseline, 95);
		const baseRate = baseline.length / result.baselineSeconds;
		const total = (['module', 'answer', 'map'] as const).reduce((sum, kind) => sum + result.mixed[kind].latencies.length, 0);
		const rate = total / (result.mixed.wallMs / 1000);
		console.log(`\n${result.engine}${label ? `, ${label}` : ''}, ${candidates} candidats`);
		rates.push({ label: `${result.engine}${label ? `, ${label}` : ', une instance'}`, rate, baseRate });
		console.log('mesure                                nb  erreurs  p50 ms  p95 ms  p99 ms  p95 / réf.  CPU ms/req  CPU / réf.');
		const line = (kind: Kind, series: Series) => {
			const sorted = [...series.latencies].sort((a, b) => a - b);
			const cpu = result.cpu[kind];
			console.log(
				[LABELS[kind].padEnd(36), String(sorted.length).padStart(4), String(series.errors).padStart(8), fixed(percentile(sorted, 50)).padStart(7), fixed(percentile(sorted, 95)).padStart(7), fixed(percentile(sorted, 99)).padStart(7), `${fixed(percentile(sorted, 95) / baseP95, 2)}×`.padStart(11), fixed(cpu, 2).padStart(11), (cpu && result.cpu.baseline ? `${fixed(cpu / result.cpu.baseline, 2)}×` : '—').padStart(11)].join(' ')
			);
		};
		line('baseline', result.baseline);
		for (const kind of ['module', 'answer', 'map'] as const) line(kind, result.mixed[kind]);
		console.log(`débit mixte ${fixed(rate, 0)} req/s ; référence ${fixed(baseRate, 0)} req/s ; rapport ${fixed(rate / baseRate, 2)}×`);
		for (const kind of ['module', 'answer', 'map', 'baseline'] as const) for (const example of (kind === 'baseline' ? result.baseline : result.mixed[kind]).examples) console.log(`  erreur (${LABELS[kind]}) : ${example}`);
		const checking = await run.open();
		const consistency = await checkConsistency(checking.db, result.userIds, result.acknowledged).finally(() => checking.close());
		console.log(`Cohérence en base : ${consistency.ok ? 'PASS' : 'FAIL'}`);
		for (const text of consistency.lines) console.log(`  ${text}`);
		failed ||= !consistency.ok || result.mixed.answer.errors > 0;
	} finally {
		await run.cleanup().catch((error: Error) => console.error(`nettoyage ${run.engine} : ${error.message}`));
	}
}
const single = rates[0];
for (const other of rates.slice(1).filter((r) => r.label.includes('par cœur'))) {
	if (single) console.log(`\nGain d’une instance par cœur : débit mixte ${fixed(other.rate / single.rate, 2)}× ; référence ${fixed(other.baseRate / single.baseRate, 2)}× (${other.label} contre une instance)`);
}
process.exitCode = failed ? 1 : 0;
