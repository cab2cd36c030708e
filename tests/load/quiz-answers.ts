// npm run load:quiz [-- --pglite] [-- --build]
//
// p95 latency of a quiz answer submission (POST ?/answer) under concurrent candidates, beside
// the quiz question page (the read side) and the baseline every benchmark shares, measured in
// the same run by as many connections: GET /connexion, anonymous (tests/load/baseline.ts).
// These machines are noisy, so the figures to compare are the ratios (latency, throughput and
// the app's CPU per request).
// The three kinds are measured in alternating rounds so that a slow spell hits all of them.
// At the end, the database must hold exactly the answers the app acknowledged (PASS/FAIL).
//
// Environment (all optional):
//   LOAD_DATABASE_URL or TEST_DATABASE_URL  admin URL of a loopback PostgreSQL server
//                       (default postgres://postgres@127.0.0.1:5432/postgres); a database is
//                       created there for the run and dropped at the end.
//   JALON_BUILD_DIR     the built app (default build; built with vite if index.js is missing)
//   LOAD_CANDIDATES=20  LOAD_ANSWERS=40 (measured answers per candidate)  LOAD_ROUNDS=8
//   LOAD_MODULE=tci.c5  DATABASE_POOL_SIZE (the app's pool, default 10)
// Flags: --pglite also runs the same load on PGlite (embedded, one connection);
//        --build rebuilds the app first.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readContentFiles } from '../../src/lib/server/content/files';
import { loadCatalog } from '../../src/lib/server/content/load';
import type { Module } from '../../src/lib/server/content/types';
import type { MigrationModules } from '../../src/lib/server/db/migrate';
import { answerFields } from './answer-form';
import { startApp, type RunningApp } from '../support/app-server';
import { checkConsistency, loadMigrations, pgliteRun, postgresRun, seedCandidates, type Acknowledged, type ConsistencyReport, type EngineRun } from './databases';
import { createClient, type Client } from './http-client';
import { createSeries, runPhase, summarise, type Series } from './series';
import { BASELINE_LABEL, BASELINE_PATH } from './baseline';

const count = (name: string, fallback: number, max: number) => {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};
const CANDIDATES = count('LOAD_CANDIDATES', 20, 200);
// Short rounds interleave the three kinds finely.
const ROUNDS = count('LOAD_ROUNDS', 8, 40);
const MODULE_ID = process.env.LOAD_MODULE ?? 'tci.c5';
const ADMIN_URL = process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUILD_DIR = process.env.JALON_BUILD_DIR || 'build';
/** Answers per candidate before measuring, so the first measured ones do not pay for cold code paths. */
const WARM_ANSWERS = 2;
/** Every fourth answer is wrong: wrong answers are graded and stored like right ones. */
const isRightAnswer = (index: number) => index % 4 !== 3;

/** A simulated candidate: a connection, a session cookie, an open quiz and its progress. */
interface Player {
	userId: string;
	client: Client;
	/** A connection without session, for the baseline (GET /connexion signed in is a redirect). */
	anonymous: Client;
	quizPath: string;
	/** Index in the module's quiz of the next item to answer (a full quiz keeps authored order). */
	next: number;
	/** The quiz page as last read: its tokens are what the next answer posts. */
	pageHtml: string;
}

interface EngineResult {
	engine: string;
	answers: Series;
	quizPage: Series;
	staticPage: Series;
	/** App CPU per request of each series (ms), null off Linux. */
	cpu: { answers: number | null; quizPage: number | null; staticPage: number | null };
	consistency: ConsistencyReport;
}

function buildIfNeeded(force: boolean): void {
	if (!force && fs.existsSync(path.join(BUILD_DIR, 'index.js'))) return;
	console.log(`Construction de l’application dans ${BUILD_DIR}/ (vite build)…`);
	const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env: { ...process.env, JALON_BUILD_DIR: BUILD_DIR } });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

/** `total` split into `parts` near-equal whole numbers. */
function split(total: number, parts: number): number[] {
	return Array.from({ length: parts }, (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts));
}

/** Submits the player's next item; records it when the app acknowledges it as a new answer. */
async function submitNext(player: Player, module: Module, acknowledged: Acknowledged[]): Promise<string | null> {
	const index = player.next++;
	const item = module.quiz[index];
	if (!item) return `plus d’item à répondre (index ${index})`;
	const { itemToken, fields, right } = answerFields(item, isRightAnswer(index), player.pageHtml);
	const reply = await player.client.postForm(`${player.quizPath}?/answer`, [['item', itemToken], ['idempotency_key', randomUUID()], ...fields]);
	// A new answer redirects to its correction; "info=" marks one the app did not record (already answered, quiz over).
	const location = reply.location ?? '';
	if (reply.status === 303 && location.includes('corrige=') && !location.includes('info=')) {
		acknowledged.push({ userId: player.userId, itemId: item.id, criteria: item.criteria.length, right });
		return null;
	}
	return reply.status === 303 ? `303 vers ${location} (réponse non enregistrée)` : `statut ${reply.status} pour ${item.id}`;
}

/** Reads the quiz page as a browser would before answering (not timed). */
async function readQuizPage(player: Player): Promise<void> {
	player.pageHtml = (await player.client.get(player.quizPath)).body;
}

async function expectGet(client: Client, target: string): Promise<string | null> {
	const reply = await client.get(target);
	return reply.status === 200 ? null : `GET ${target} : statut ${reply.status}`;
}

/** Enrols the player, starts a full quiz and checks the page asks the module's first item. */
async function enrolAndStartQuiz(client: Client, module: Module): Promise<string> {
	const enrolled = await client.postForm('/candidat?/enrol', [['certification', module.certificationId], ['pathway', 'formation']]);
	if (enrolled.status !== 303) throw new Error(`inscription : statut ${enrolled.status} au lieu de 303`);
	const modulePath = `/modules/${module.certificationId}/${module.slug}`;
	const started = await client.postForm(`${modulePath}?/startQuiz`, [['mode', 'full']]);
	const quizPath = started.location ?? '';
	if (started.status !== 303 || !quizPath.startsWith(`${modulePath}/quiz/`)) throw new Error(`démarrage du quiz : statut ${started.status}, redirection « ${quizPath} »`);
	const page = await client.get(quizPath);
	if (page.status !== 200 || !/name="item" value="t[\w-]{12}"/.test(page.body)) {
		throw new Error(`la page du quiz (statut ${page.status}) ne pose pas de question à jetons : ${BUILD_DIR}/ est-il à jour ? Relancez avec -- --build.`);
	}
	return quizPath;
}

/** Warm-up, not measured: accounts in use, quizzes started, every code path run a few times. */
async function warmUp(players: Player[], module: Module, acknowledged: Acknowledged[]): Promise<void> {
	await Promise.all(
		players.map(async (player) => {
			player.quizPath = await enrolAndStartQuiz(player.client, module);
			for (let i = 0; i < 5; i++) {
				for (const [client, target] of [[player.anonymous, BASELINE_PATH], [player.client, player.quizPath]] as const) {
					const error = await expectGet(client, target);
					if (error) throw new Error(`échauffement : ${error}`);
				}
			}
			for (let i = 0; i < WARM_ANSWERS; i++) {
				await readQuizPage(player);
				const error = await submitNext(player, module, acknowledged);
				if (error) throw new Error(`échauffement : ${error}`);
			}
		})
	);
}

/** The three kinds of request, in rounds whose order rotates so none always runs first. */
async function measure(app: RunningApp, players: Player[], module: Module, answersPerCandidate: number, acknowledged: Acknowledged[]) {
	const answers = createSeries('POST ?/answer (réponse au quiz)');
	const quizPage = createSeries('GET page du quiz (lecture)');
	const staticPage = createSeries(BASELINE_LABEL);
	// The app's CPU time of each kind's phases (the answer phases include the page reads before each answer).
	const cpuMs = { answers: 0, quizPage: 0, staticPage: 0 };
	const withCpu = (kind: keyof typeof cpuMs, phase: () => Promise<void>) => async () => {
		const before = app.cpuMs();
		await phase();
		const after = app.cpuMs();
		if (before !== null && after !== null) cpuMs[kind] += after - before;
	};
	for (const [round, perCandidate] of split(answersPerCandidate, Math.min(ROUNDS, answersPerCandidate)).entries()) {
		const phases = [
			withCpu('answers', () => runPhase(answers, players, perCandidate, (player) => submitNext(player, module, acknowledged), readQuizPage)),
			withCpu('quizPage', () => runPhase(quizPage, players, perCandidate, (player) => expectGet(player.client, player.quizPath))),
			withCpu('staticPage', () => {
				// Fresh anonymous connections: idle through the other phases, the old ones may be
				// closed by the server's keep-alive timeout just as a request goes out (ECONNRESET).
				for (const player of players) {
					player.anonymous.close();
					player.anonymous = createClient(app.origin, 'anonyme');
				}
				return runPhase(staticPage, players, perCandidate, (player) => expectGet(player.anonymous, BASELINE_PATH));
			})
		];
		for (let i = 0; i < phases.length; i++) await phases[(round + i) % phases.length]!();
	}
	const per = (ms: number, series: Series) => (app.cpuMs() === null || series.latencies.length === 0 ? null : ms / series.latencies.length);
	const cpu = { answers: per(cpuMs.answers, answers), quizPage: per(cpuMs.quizPage, quizPage), staticPage: per(cpuMs.staticPage, staticPage) };
	return { answers, quizPage, staticPage, cpu };
}

async function runEngine(run: EngineRun, module: Module, migrations: MigrationModules, answersPerCandidate: number): Promise<EngineResult> {
	const seeding = await run.open();
	// PGlite's folder takes one process: this connection closes before the app opens it.
	const candidates = await seedCandidates(seeding.db, migrations, CANDIDATES).finally(() => seeding.close());

	const acknowledged: Acknowledged[] = [];
	let app: RunningApp | null = null;
	let players: Player[] = [];
	let series: Awaited<ReturnType<typeof measure>>;
	try {
		app = await startApp(run.appEnv, BUILD_DIR);
		const origin = app.origin;
		players = candidates.map((candidate) => ({ userId: candidate.userId, client: createClient(origin, candidate.token), anonymous: createClient(origin, 'anonyme'), quizPath: '', next: 0, pageHtml: '' }));
		const warmStarted = performance.now();
		await warmUp(players, module, acknowledged);
		console.log(`${run.engine} : ${CANDIDATES} candidats inscrits, quiz ${module.competenceId} démarrés (échauffement ${((performance.now() - warmStarted) / 1000).toFixed(1)} s)`);
		series = await measure(app, players, module, answersPerCandidate, acknowledged);
	} finally {
		for (const player of players) {
			player.client.close();
			player.anonymous.close();
		}
		await app?.stop();
	}

	const checking = await run.open();
	const consistency = await checkConsistency(
		checking.db,
		candidates.map((candidate) => candidate.userId),
		acknowledged
	).finally(() => checking.close());
	return { engine: run.engine, ...series, consistency };
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function printTable(result: EngineResult): void {
	const header = ['mesure', 'nb', 'erreurs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'CPU ms/req'];
	const cpus = [result.cpu.answers, result.cpu.quizPage, result.cpu.staticPage];
	const lines = [result.answers, result.quizPage, result.staticPage].map((series, i) => {
		const s = summarise(series);
		return [series.label, String(s.count), String(s.errors), fixed(s.p50), fixed(s.p95), fixed(s.p99), fixed(s.max), fixed(s.perSecond, 0), cpus[i] == null ? '—' : fixed(cpus[i]!, 2)];
	});
	const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
	const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
	console.log(`\n${result.engine}\n${format(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
	for (const line of lines) console.log(format(line));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function printRatios(result: EngineResult): void {
	const answers = summarise(result.answers);
	const quizPage = summarise(result.quizPage);
	const staticPage = summarise(result.staticPage);
	// The same ratio round by round shows how much of it is the machine's noise.
	const perRound = result.answers.phaseP95.map((p95, i) => p95 / result.staticPage.phaseP95[i]!);
	console.log(
		`  p95 réponse / p95 référence = ${fixed(answers.p95 / staticPage.p95, 2)}× ` +
			`(par manche : médiane ${fixed(median(perRound), 2)}×, de ${fixed(Math.min(...perRound), 2)} à ${fixed(Math.max(...perRound), 2)}×) ; ` +
			`p50 : ${fixed(answers.p50 / staticPage.p50, 2)}×`
	);
	console.log(`  p95 page du quiz / p95 référence = ${fixed(quizPage.p95 / staticPage.p95, 2)}× ; p95 réponse / p95 page du quiz = ${fixed(answers.p95 / quizPage.p95, 2)}×`);
	console.log(`  débit réponse / débit référence = ${fixed(answers.perSecond / staticPage.perSecond, 2)}×`);
	const { cpu } = result;
	if (cpu.answers !== null && cpu.staticPage) {
		// Each measured answer is preceded by a read of its question page (not timed, but in the CPU): take it out.
		const post = cpu.answers - (cpu.quizPage ?? 0);
		console.log(`  CPU app par réponse (POST seul, lecture de la question déduite) : ${fixed(post, 2)} ms = ${fixed(post / cpu.staticPage, 2)}× la référence ; page du quiz : ${fixed((cpu.quizPage ?? NaN) / cpu.staticPage, 2)}×`);
	}
	for (const series of [result.answers, result.quizPage, result.staticPage]) {
		for (const example of series.examples) console.log(`  erreur (${series.label}) : ${example}`);
	}
	console.log(`  Cohérence en base : ${result.consistency.ok ? 'PASS' : 'FAIL'}`);
	for (const line of result.consistency.lines) console.log(`    ${line}`);
}

// ── main ──
const withPglite = process.argv.includes('--pglite');
buildIfNeeded(process.argv.includes('--build'));
const { catalog } = loadCatalog(readContentFiles('content'));
const module = catalog.modules.find((candidate) => candidate.competenceId === MODULE_ID);
if (!module || module.quiz.length <= WARM_ANSWERS) throw new Error(`module ${MODULE_ID} introuvable ou sans quiz assez long`);
// A full quiz has one question per item: a candidate cannot answer more than that.
const answersPerCandidate = Math.min(count('LOAD_ANSWERS', 40, 1000), module.quiz.length - WARM_ANSWERS);
const migrations = await loadMigrations();

console.log(
	`Charge « réponse au quiz » : ${CANDIDATES} candidats simultanés, ${answersPerCandidate} réponses mesurées chacun en ${ROUNDS} manches ` +
		`(quiz complet ${module.competenceId}, ${module.quiz.length} items), boucle locale, ${os.cpus().length} cœurs, Node ${process.version}, ` +
		`pool PostgreSQL de l’application ${process.env.DATABASE_POOL_SIZE ?? 10}`
);
const runs: EngineRun[] = [postgresRun(ADMIN_URL), ...(withPglite ? [pgliteRun()] : [])];
// Ctrl-C still drops the databases and folders of the run.
process.once('SIGINT', () => void Promise.allSettled(runs.map((run) => run.cleanup())).then(() => process.exit(130)));

const results: EngineResult[] = [];
for (const run of runs) {
	try {
		results.push(await runEngine(run, module, migrations, answersPerCandidate));
	} finally {
		await run.cleanup().catch((error: Error) => console.error(`nettoyage ${run.engine} : ${error.message}`));
	}
}
for (const result of results) {
	printTable(result);
	printRatios(result);
}
const failed = results.some((r) => !r.consistency.ok || [r.answers, r.quizPage, r.staticPage].some((s) => s.errors > 0));
console.log(failed ? '\nÉCHEC : erreurs de requête ou incohérence en base (voir ci-dessus).' : '\nTout est cohérent.');
process.exit(failed ? 1 : 0);
