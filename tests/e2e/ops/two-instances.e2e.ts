import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { todayInFrance } from '../../../src/lib/server/groups/days';
import { answerFields } from '../../load/answer-form';
import { createPostgresDatabase } from '../../helpers/postgres';
import { deliveredText, startSmtpStub } from '../../integration/mail/smtp-stub';
import { catalog } from '../support/candidate';

// A centre that grows runs several instances behind a load balancer on one PostgreSQL. Two
// instances of the built app on one database must agree on everything a user can see: nothing
// that matters may live in one process's memory.
const buildDir = path.resolve(process.env.JALON_BUILD_DIR || 'build');
// The ports just above the e2e server's own (E2E_PORT + 1, + 2).
let nextPort = Number(process.env.E2E_PORT ?? 4317) + 1;

interface Instance {
	process: ChildProcess;
	url: string;
	output: () => string;
}

function startInstance(databaseUrl: string, smtpUrl: string): Instance {
	const port = nextPort++;
	const child = spawn(process.execPath, [path.resolve('src/cli/server.js')], {
		env: { ...process.env, JALON_BUILD_DIR: buildDir, DATABASE_URL: databaseUrl, JALON_DATA_DIR: '', JALON_DEMO: '0', PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, SMTP_URL: smtpUrl, MAIL_FROM: 'Jalon <ne-pas-repondre@jalon.test>' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	return { process: child, url: `http://127.0.0.1:${port}`, output: () => output };
}

async function waitForHealth(instance: Instance, timeoutMs = 60_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		try {
			if ((await fetch(`${instance.url}/healthz`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`l'instance n'a pas démarré :\n${instance.output()}`);
}

/** A browser's form post to one instance: its own Origin, the session cookie, no redirect followed. */
async function post(instance: Instance, pathname: string, fields: [string, string][], cookie = ''): Promise<Response> {
	return fetch(`${instance.url}${pathname}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: instance.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
		body: new URLSearchParams(fields).toString()
	});
}

const get = (instance: Instance, pathname: string, cookie = '') => fetch(`${instance.url}${pathname}`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
const sessionCookie = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('jalon_session=')) ?? '';

test.describe('two instances on one PostgreSQL', () => {
	test.skip(!process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL non défini : test PostgreSQL seulement');

	test('share sessions, throttling, answers, observations and mail: what one records, the other sees, once', async () => {
		test.setTimeout(180_000);
		const database = await createPostgresDatabase('jalon_two');
		// Both instances run their mail worker against one SMTP relay, which holds its greeting
		// until released: both workers are then busy on the same outbox at the same time.
		const smtp = await startSmtpStub({ hold: true });
		// Both start at once: the migrations' lock lets only one migrate.
		const instances = [startInstance(database.url, smtp.url), startInstance(database.url, smtp.url)];
		const [a, b] = instances as [Instance, Instance];
		const sql = new pg.Client({ connectionString: database.url });
		try {
			await Promise.all(instances.map((instance) => waitForHealth(instance)));
			await sql.connect();

			// A session opened on one instance is valid on the other.
			const email = `deux-instances-${randomUUID().slice(0, 8)}@exemple.fr`;
			const password = 'un mot de passe solide pour Jalon';
			const signUp = await post(a, '/inscription', [['email', email], ['displayName', 'Camille Deux'], ['password', password]]);
			expect(signUp.status).toBe(303);
			const cookie = sessionCookie(signUp);
			expect(cookie).not.toBe('');
			expect((await get(b, '/candidat', cookie)).status).toBe(200);
			expect((await get(b, '/candidat')).status).toBe(303);

			// The same quiz answer sent to both at once is stored once.
			expect((await post(b, '/candidat?/enrol', [['certification', 'tci'], ['pathway', 'formation']], cookie)).status).toBe(303);
			const module = catalog.modules.find((candidate) => candidate.competenceId === 'tci.c1')!;
			const started = await post(a, '/modules/tci/c1?/startQuiz', [['mode', 'full']], cookie);
			expect(started.status).toBe(303);
			const quizPath = started.headers.get('location')!;
			const page = await (await get(b, quizPath, cookie)).text();
			const { itemToken, fields } = answerFields(module.quiz[0]!, true, page);
			const form: [string, string][] = [['item', itemToken], ['idempotency_key', randomUUID()], ...fields];
			const replies = await Promise.all([post(a, `${quizPath}?/answer`, form, cookie), post(b, `${quizPath}?/answer`, form, cookie)]);
			for (const reply of replies) expect(reply.status).toBe(303);
			const user = await sql.query<{ id: string }>('select id from app_user where email = $1', [email]);
			const userId = user.rows[0]!.id;
			const answers = await sql.query<{ n: string }>('select count(*) as n from quiz_answer where user_id = $1', [userId]);
			const evidence = await sql.query<{ n: string }>('select count(*) as n from evidence where user_id = $1', [userId]);
			expect(Number(answers.rows[0]!.n)).toBe(1);
			expect(Number(evidence.rows[0]!.n)).toBe(module.quiz[0]!.criteria.length);
			// The map read on the other instance shows the answer just recorded.
			const map = await (await get(b, '/candidat/progression/tci', cookie)).text();
			expect(map).toContain('1 réponse à des quiz');
			expect(map).not.toContain('1 observation');

			// An observation recorded through one instance appears at once on the other's map. The
			// trainer signs up like the other accounts and is given the role in SQL (only an admin's
			// page grants it, which is not what this test is about), then logs in on A and opens a
			// group through the pages; the candidate joins it by its code; the trainer posts the
			// observation form on A, and the candidate's map is read on B.
			const trainerEmail = `deux-instances-formateur-${randomUUID().slice(0, 8)}@exemple.fr`;
			expect((await post(a, '/inscription', [['email', trainerEmail], ['displayName', 'Alix Formatrice'], ['password', password]])).status).toBe(303);
			await sql.query(`update app_user set role = 'trainer' where email = $1`, [trainerEmail]);
			const login = await post(a, '/connexion', [['email', trainerEmail], ['password', password]]);
			expect(login.status).toBe(303);
			const trainerCookie = sessionCookie(login);
			expect(trainerCookie).not.toBe('');
			const created = await post(a, '/formateur/groupes/nouveau', [['name', 'TCI — deux instances'], ['certification', 'tci'], ['kind', 'formation'], ['startsOn', ''], ['endsOn', ''], ['evaluationOn', '']], trainerCookie);
			expect(created.status).toBe(303);
			const groupId = created.headers.get('location')!.match(/\/formateur\/groupes\/([^/?#]+)\/reglages/)![1]!;
			const settings = await (await get(a, `/formateur/groupes/${groupId}/reglages`, trainerCookie)).text();
			const joinCode = settings.match(/<strong class="code[^"]*">([^<]+)<\/strong>/)![1]!;
			const typedCode = await post(b, '/rejoindre', [['code', joinCode]], cookie);
			expect(typedCode.status).toBe(303);
			expect((await post(b, typedCode.headers.get('location')!, [], cookie)).status).toBe(303);
			const criterionId = module.quiz[0]!.criteria[0]!;
			const formPath = `/formateur/groupes/${groupId}/observations/nouvelle`;
			const observationPage = await (await get(a, `${formPath}?candidat=${userId}&critere=${encodeURIComponent(criterionId)}`, trainerCookie)).text();
			const requestKey = observationPage.match(/name="requestKey" value="([^"]+)"/)![1]!;
			const observation = await post(
				a,
				formPath,
				[['requestKey', requestKey], ['candidat', userId], ['critere', criterionId], ['date', todayInFrance()], ['lieu', 'Visite en entreprise'], ['situation', 'réelle'], [`resultat__${userId}__${criterionId}`, '1']],
				trainerCookie
			);
			expect(observation.status).toBe(303);
			const observed = await (await get(b, '/candidat/progression/tci', cookie)).text();
			expect(observed).toContain('1 observation');

			// Throttling counts the attempts made on both instances.
			const outcomes: number[] = [];
			for (let attempt = 0; attempt < 8; attempt++) {
				const instance = attempt % 2 === 0 ? a : b;
				outcomes.push((await post(instance, '/connexion', [['email', email], ['password', `faux mot de passe ${attempt}`]])).status);
			}
			expect(outcomes.slice(0, 5).every((status) => status === 400)).toBe(true);
			expect(outcomes.slice(5).every((status) => status === 429)).toBe(true);

			// Each mail is sent once: reset links asked at once through both instances, for
			// three accounts (the throttle allows 3 per account, 10 per address an hour).
			const emails = [email];
			for (const name of ['Dominique Deux', 'Sacha Deux']) {
				const other = `deux-instances-${randomUUID().slice(0, 8)}@exemple.fr`;
				expect((await post(b, '/inscription', [['email', other], ['displayName', name], ['password', password]])).status).toBe(303);
				emails.push(other);
			}
			const resets = await Promise.all(emails.flatMap((address) => [a, b].map((instance) => post(instance, '/mot-de-passe-oublie', [['email', address]]))));
			expect(resets.every((reply) => reply.status < 400)).toBe(true);
			const queued = Number((await sql.query<{ n: string }>('select count(*) as n from outbox')).rows[0]!.n);
			expect(queued).toBe(emails.length * 2);
			// Both workers are nudged and claim what is due while the relay holds them.
			await expect.poll(() => smtp.connections(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
			smtp.release();
			await expect.poll(async () => Number((await sql.query<{ n: string }>(`select count(*) as n from outbox where status = 'sent'`)).rows[0]!.n), { timeout: 60_000 }).toBe(queued);
			// A worker that sent a message twice would show here: wait past another poll, then count.
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect(smtp.delivered).toHaveLength(queued);
			const links = smtp.delivered.map((data) => deliveredText(data).match(/jeton=[a-z2-7]+/)?.[0]);
			expect(new Set(links).size).toBe(queued);
			const attempts = await sql.query<{ attempts: number }>('select attempts from outbox');
			expect(attempts.rows.every((row) => row.attempts === 1)).toBe(true);
		} finally {
			await smtp.close().catch(() => {});
			await sql.end().catch(() => {});
			for (const instance of instances) instance.process.kill('SIGTERM');
			await new Promise((resolve) => setTimeout(resolve, 500));
			await database.drop();
		}
	});
});
