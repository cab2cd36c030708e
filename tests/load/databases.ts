// The database side of the load run: a throwaway database per engine, the candidates' accounts
// and sessions, and the final count of what the app stored.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import pg from 'pg';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { insertUser } from '../../src/lib/server/auth/users.repository';
import type { Executor } from '../../src/lib/server/db';
import { migrateToLatest, type MigrationModules } from '../../src/lib/server/db/migrate';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/open-database';
import type { DatabaseEnv } from '../support/app-server';

export interface EngineRun {
	engine: 'PostgreSQL' | 'PGlite';
	/** What the app process gets to reach this database. */
	appEnv: DatabaseEnv;
	/** Opens the database from this process (creating it the first time). */
	open(): Promise<OpenDatabase>;
	/** Drops the database or deletes its folder. */
	cleanup(): Promise<void>;
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/** A database of its own on the server `adminUrl` points to; dropped by cleanup(). */
export function postgresRun(adminUrl: string): EngineRun {
	const name = `jalon_load_${randomBytes(5).toString('hex')}`;
	const url = new URL(adminUrl);
	if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) throw new Error(`base d’administration hors boucle locale : ${url.hostname}`);
	url.pathname = `/${name}`;
	let created = false;
	return {
		engine: 'PostgreSQL',
		appEnv: { DATABASE_URL: url.toString() },
		open: async () => {
			if (!created) await adminQuery(adminUrl, `create database "${name}"`);
			created = true;
			return openDatabase({ engine: 'postgres', connectionString: url.toString(), poolSize: 2 });
		},
		cleanup: async () => {
			if (created) await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
		}
	};
}

/** PGlite in a temporary folder, deleted by cleanup(). */
export function pgliteRun(): EngineRun {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-load-'));
	return {
		engine: 'PGlite',
		appEnv: { JALON_DATA_DIR: dir },
		open: () => openDatabase({ engine: 'pglite', dataDir: dir }),
		cleanup: async () => fs.rmSync(dir, { recursive: true, force: true })
	};
}

/** The repository's migrations, imported from migrations/*.ts (tsx runs them as they are). */
export async function loadMigrations(dir = path.resolve('migrations')): Promise<MigrationModules> {
	const modules: MigrationModules = {};
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
		modules[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
	}
	return modules;
}

export interface Candidate {
	userId: string;
	token: string;
}

/**
 * Migrates the database and creates `count` candidate accounts, each with a live session.
 * Done here, before the app starts, rather than through /inscription: signing up is not what
 * is measured, and 20 argon2 hashes in the app would only lengthen the warm-up.
 */
export async function seedCandidates(db: Executor, migrations: MigrationModules, count: number): Promise<Candidate[]> {
	await migrateToLatest(db, migrations);
	// A real argon2 hash (one for all: hashing is not what is measured), so these are genuine accounts.
	const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
	const candidates: Candidate[] = [];
	for (let index = 0; index < count; index++) {
		const number = String(index + 1).padStart(2, '0');
		const user = await insertUser(db, { email: `charge-${number}@charge.jalon.test`, displayName: `Candidat ${number} (charge)`, passwordHash });
		if (!user) throw new Error(`compte charge-${number} déjà présent : la base n’est pas neuve`);
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		candidates.push({ userId: user.id, token });
	}
	return candidates;
}

/** One answer the app acknowledged with a 303 to the correction of the item. */
export interface Acknowledged {
	userId: string;
	itemId: string;
	criteria: number;
	/** Whether the submitted answer was the correct one. */
	right: boolean;
}

export interface ConsistencyReport {
	ok: boolean;
	lines: string[];
}

/**
 * Compares what the app stored with what it acknowledged: one quiz_answer row per acknowledged
 * answer (same candidate, same item), one evidence row per criterion of each answered item,
 * a full score for every right answer and less for every wrong one.
 */
export async function checkConsistency(db: Executor, userIds: string[], acknowledged: Acknowledged[]): Promise<ConsistencyReport> {
	const answers = await db.selectFrom('quiz_answer').select(['user_id', 'item_id', 'score']).where('user_id', 'in', userIds).execute();
	const evidence = await db
		.selectFrom('evidence')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('user_id', 'in', userIds)
		.where('source', '=', 'quiz')
		.executeTakeFirstOrThrow();

	const key = (userId: string, itemId: string) => `${userId}|${itemId}`;
	const expected = new Map(acknowledged.map((answer) => [key(answer.userId, answer.itemId), answer]));
	const stored = new Map(answers.map((row) => [key(row.user_id, row.item_id), row]));
	const missing = [...expected.keys()].filter((k) => !stored.has(k)).length;
	const unexpected = [...stored.keys()].filter((k) => !expected.has(k)).length;
	const badScores = [...expected].filter(([k, answer]) => {
		const score = stored.get(k)?.score;
		return score !== undefined && (answer.right ? score !== 1 : score >= 1);
	}).length;
	const expectedEvidence = acknowledged.reduce((sum, answer) => sum + answer.criteria, 0);
	const evidenceRows = Number(evidence.count);

	const checks = [
		{ ok: answers.length === acknowledged.length, line: `lignes quiz_answer ${answers.length} = réponses acquittées (303) ${acknowledged.length}` },
		{ ok: expected.size === acknowledged.length, line: `réponses acquittées distinctes (candidat, item) : ${expected.size} sur ${acknowledged.length}` },
		{ ok: missing === 0 && unexpected === 0, line: `réponses acquittées absentes de la base : ${missing} ; réponses en base jamais acquittées : ${unexpected}` },
		{ ok: evidenceRows === expectedEvidence, line: `lignes evidence (quiz) ${evidenceRows} = Σ critères des items répondus ${expectedEvidence}` },
		{ ok: badScores === 0, line: `scores : ${badScores} réponse(s) notée(s) autrement que prévu (juste → 1, fausse → < 1)` }
	];
	return { ok: checks.every((check) => check.ok), lines: checks.map((check) => `${check.ok ? 'ok  ' : 'ÉCHEC'} ${check.line}`) };
}
