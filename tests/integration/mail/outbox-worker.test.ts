import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAccountData } from '../../../src/lib/server/auth/account-data';
import { requestPasswordReset } from '../../../src/lib/server/auth/reset';
import { createMailWorker, MAIL_MAX_ATTEMPTS, mailRetryDelayMs } from '../../../src/lib/server/mail/mail-worker';
import { createMailTransport, enqueueMail, OUTBOX_SECRET_MARKER, SECRET_REMOVED } from '../../../src/lib/server/mail/mailer';
import { at, createAccount } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, testEngines, type TestDatabase } from '../../helpers/test-database';
import { deliveredText, startSmtpStub } from './smtp-stub';

describeEachEngine('mail outside the request', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	const outboxRow = (userId: string) => database.db.selectFrom('outbox').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
	const smtp = (url: string) => createMailTransport({ SMTP_URL: url, MAIL_FROM: 'Jalon <ne-pas-repondre@jalon.test>' })!;

	it('a reset request is answered while the SMTP server still holds its reply; the mail goes once it answers', async () => {
		const stub = await startSmtpStub({ hold: true });
		const logged: string[] = [];
		const worker = createMailWorker({ db: () => database.db, transport: smtp(stub.url), log: (line) => logged.push(line) });
		try {
			const user = await createAccount(database.db, { name: 'lent' });
			const first = await requestPasswordReset(database.db, { email: user.email, origin: 'http://jalon.test', address: '192.0.2.1' });
			const sending = worker.runOnce();
			await expect.poll(() => stub.connections()).toBe(1);
			// The relay holds the worker's connection; another request is answered all the same.
			const other = await createAccount(database.db, { name: 'pendant' });
			const second = await requestPasswordReset(database.db, { email: other.email, origin: 'http://jalon.test', address: '192.0.2.2' });
			const unknown = await requestPasswordReset(database.db, { email: 'inconnu@exemple.fr', origin: 'http://jalon.test', address: '192.0.2.3' });
			expect([first, second, unknown]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
			expect(stub.delivered).toHaveLength(0);

			stub.release();
			expect((await sending).sent).toBeGreaterThanOrEqual(1);
			await worker.runOnce();
			expect(stub.delivered).toHaveLength(2);
			const text = deliveredText(stub.delivered[0]!);
			expect(text).toMatch(/http:\/\/jalon\.test\/reinitialiser-mot-de-passe\?jeton=[a-z2-7]+/);
			expect(text).not.toContain(OUTBOX_SECRET_MARKER);

			// Sent: the outbox keeps the text without its link; the log never had it.
			const row = await outboxRow(user.id);
			expect(row).toMatchObject({ status: 'sent', secret: null, attempts: 1 });
			expect(row.body).not.toContain('jeton=');
			expect(logged.join('\n')).not.toContain('jeton=');
			expect(JSON.stringify(await exportAccountData(database.db, user.id))).not.toContain('jeton=');
		} finally {
			await worker.stop();
			await stub.close();
		}
	});

	it('an SMTP failure changes no answer: the mail is kept, retried later with a growing delay, then sent', async () => {
		const failing = await startSmtpStub({ failMail: true });
		const user = await createAccount(database.db, { name: 'echec' });
		const answer = await requestPasswordReset(database.db, { email: user.email, origin: 'http://jalon.test', address: '192.0.2.10' });
		expect(answer).toEqual({ ok: true });
		const logged: string[] = [];
		const broken = createMailWorker({ db: () => database.db, transport: smtp(failing.url), log: (line) => logged.push(line) });
		const before = Date.now();
		expect(await broken.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
		const waiting = await outboxRow(user.id);
		expect(waiting).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
		expect(waiting.secret).toContain('jeton=');
		expect(waiting.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + mailRetryDelayMs(1));
		expect(logged.join('\n')).toMatch(/échoué/);
		expect(logged.join('\n')).not.toContain('jeton=');
		// Not due yet: nothing is claimed.
		expect(await broken.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
		await failing.close();

		const working = await startSmtpStub();
		const worker = createMailWorker({ db: () => database.db, transport: smtp(working.url), log: () => {} });
		expect(await worker.runOnce(at(new Date(), mailRetryDelayMs(1) + 1000))).toMatchObject({ sent: 1 });
		expect(await outboxRow(user.id)).toMatchObject({ status: 'sent', secret: null, attempts: 2 });
		expect(deliveredText(working.delivered[0]!)).toContain('jeton=');
		await working.close();
	});

	it('gives up after the last attempt and drops the link', async () => {
		const failing = await startSmtpStub({ failMail: true });
		const user = await createAccount(database.db, { name: 'abandon' });
		await enqueueMail(database.db, { to: user.email, subject: 'Test', text: `Lien : ${OUTBOX_SECRET_MARKER}`, secret: 'http://jalon.test/x?jeton=abc', userId: user.id });
		const worker = createMailWorker({ db: () => database.db, transport: smtp(failing.url), log: () => {} });
		let now = new Date();
		for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
			await worker.runOnce(now);
			now = at(now, mailRetryDelayMs(attempt) + 60_000);
		}
		expect(await outboxRow(user.id)).toMatchObject({ status: 'failed', secret: null, attempts: MAIL_MAX_ATTEMPTS });
		await failing.close();
	});

	it('a message never sent (no SMTP) loses its link once no link can be live', async () => {
		const { purgeExpiredAuthData } = await import('../../../src/lib/server/auth/maintenance');
		const user = await createAccount(database.db, { name: 'local' });
		await requestPasswordReset(database.db, { email: user.email, origin: 'http://jalon.test', address: '192.0.2.20' });
		await purgeExpiredAuthData(database.db, at(new Date(), 30 * 60_000));
		expect((await outboxRow(user.id)).secret).toContain('jeton=');
		await purgeExpiredAuthData(database.db, at(new Date(), 61 * 60_000));
		expect((await outboxRow(user.id)).secret).toBeNull();
		expect(SECRET_REMOVED).toMatch(/lien retiré/);
	});
});

// PostgreSQL only: PGlite has one connection, so two workers there cannot even overlap.
describe.skipIf(!testEngines().includes('postgres'))('several mail workers on one PostgreSQL [postgres]', () => {
	{
		let database: TestDatabase;
		beforeAll(async () => {
			database = await createTestDatabase('postgres');
		});
		afterAll(async () => database?.destroy());

		it('four workers draining one outbox send each message exactly once', async () => {
			const user = await createAccount(database.db, { name: 'multi' });
			for (let i = 0; i < 60; i++) {
				await enqueueMail(database.db, { to: user.email, subject: `message ${i}`, text: `n° ${i} ${OUTBOX_SECRET_MARKER}`, secret: `secret-${i}`, userId: user.id });
			}
			const sent: string[] = [];
			// Each send takes a little while, so that the workers' claims overlap.
			const transport = {
				kind: 'smtp' as const,
				send: async (message: { subject: string }) => {
					await new Promise((resolve) => setTimeout(resolve, 3));
					sent.push(message.subject);
				}
			};
			// The pool gives each worker its own connections, as separate instances would have.
			const workers = Array.from({ length: 4 }, () => createMailWorker({ db: () => database.db, transport, log: () => {}, batchSize: 3 }));
			await Promise.all(
				workers.map(async (worker) => {
					while ((await worker.runOnce()).sent > 0);
				})
			);
			expect(sent).toHaveLength(60);
			expect(new Set(sent).size).toBe(60);
			const rows = await database.db.selectFrom('outbox').select(['status', 'attempts', 'secret']).where('user_id', '=', user.id).execute();
			expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && row.secret === null)).toBe(true);
		});
	}
});
