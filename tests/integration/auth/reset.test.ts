import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { findResetTokenUser, requestPasswordReset, resetPassword } from '../../../src/lib/server/auth/reset';
import { createSession, generateSessionToken, hashToken, validateSessionToken } from '../../../src/lib/server/auth/session';
import { OUTBOX_SECRET_MARKER } from '../../../src/lib/server/mail/mailer';
import { listOutboxMessages } from '../../../src/lib/server/mail/outbox.repository';
import { at, createAccount, minutes, TEST_PASSWORD } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describeEachEngine('password reset', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	let address = 0;
	const request = (email: string, now = new Date()) =>
		requestPasswordReset(database.db, { email, origin: 'http://jalon.test', address: `198.18.0.${++address}`, now });

	/** The token of the last link queued for this address, read from the outbox. */
	async function lastLinkToken(email: string): Promise<string> {
		const message = (await listOutboxMessages(database.db)).find((m) => m.recipient === email);
		const match = /^http:\/\/jalon\.test\/reinitialiser-mot-de-passe\?jeton=([a-z2-7]+)$/.exec(message?.secret ?? '');
		if (!match) throw new Error(`aucun lien pour ${email}`);
		return match[1]!;
	}

	it('queues a link in the outbox, apart from the text, and stores only the token’s hash', async () => {
		const user = await createAccount(database.db);
		expect(await request(user.email)).toEqual({ ok: true });
		const token = await lastLinkToken(user.email);
		const rows = await database.db.selectFrom('password_reset_token').selectAll().where('user_id', '=', user.id).execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashToken(token));
		const [message] = await database.db.selectFrom('outbox').selectAll().where('user_id', '=', user.id).execute();
		expect(message).toMatchObject({ status: 'pending', attempts: 0 });
		expect(message!.body).not.toContain(token);
		expect(message!.body).toContain(OUTBOX_SECRET_MARKER);
	});

	it('answers the same for an unknown email and sends nothing', async () => {
		const before = (await listOutboxMessages(database.db)).length;
		expect(await request('personne@exemple.fr')).toEqual({ ok: true });
		expect((await listOutboxMessages(database.db)).length).toBe(before);
	});

	it('a link works once, sets the password and ends every session', async () => {
		const user = await createAccount(database.db);
		const session = generateSessionToken();
		await createSession(database.db, session, user.id);
		await request(user.email);
		const token = await lastLinkToken(user.email);

		expect(await resetPassword(database.db, { token, newPassword: 'un nouveau départ en douceur' })).toEqual({ ok: true, email: user.email });
		expect((await validateSessionToken(database.db, session)).user).toBeNull();
		expect((await checkPasswordLogin(database.db, { email: user.email, password: TEST_PASSWORD, address: '198.18.1.1' })).outcome).toBe('invalid');
		expect((await checkPasswordLogin(database.db, { email: user.email, password: 'un nouveau départ en douceur', address: '198.18.1.1' })).outcome).toBe('success');

		expect(await resetPassword(database.db, { token, newPassword: 'encore un autre mot de passe' })).toEqual({ ok: false, reason: 'invalid-token' });
		expect(await findResetTokenUser(database.db, token)).toBeNull();
	});

	it('a link expires after one hour', async () => {
		const user = await createAccount(database.db);
		const sent = new Date('2026-05-01T08:00:00Z');
		await request(user.email, sent);
		const token = await lastLinkToken(user.email);
		expect((await findResetTokenUser(database.db, token, at(sent, minutes(59))))?.id).toBe(user.id);
		expect(await findResetTokenUser(database.db, token, at(sent, minutes(60)))).toBeNull();
		expect(await resetPassword(database.db, { token, newPassword: 'un nouveau départ en douceur', now: at(sent, minutes(61)) })).toEqual({
			ok: false,
			reason: 'invalid-token'
		});
		expect((await checkPasswordLogin(database.db, { email: user.email, password: TEST_PASSWORD, address: '198.18.1.2' })).outcome).toBe('success');
	});

	it('a newer link replaces the older one', async () => {
		const user = await createAccount(database.db);
		await request(user.email);
		const first = await lastLinkToken(user.email);
		await request(user.email);
		const second = await lastLinkToken(user.email);
		expect(second).not.toBe(first);
		expect(await findResetTokenUser(database.db, first)).toBeNull();
		expect((await findResetTokenUser(database.db, second))?.id).toBe(user.id);
	});

	it('a weak new password is refused and the link stays usable', async () => {
		const user = await createAccount(database.db);
		await request(user.email);
		const token = await lastLinkToken(user.email);
		const result = await resetPassword(database.db, { token, newPassword: 'motdepasse123' });
		expect(result).toMatchObject({ ok: false, reason: 'weak-password' });
		expect((await findResetTokenUser(database.db, token))?.id).toBe(user.id);
	});

	it('40 parallel requests for one account: 3 mails queued, one live link', async () => {
		const user = await createAccount(database.db, { name: 'rafale' });
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => requestPasswordReset(database.db, { email: user.email, origin: 'http://jalon.test', address: `198.19.0.${i}` }))
		);
		expect(results.filter((result) => result.ok)).toHaveLength(3);
		const mails = await database.db.selectFrom('outbox').select('secret').where('user_id', '=', user.id).execute();
		expect(mails).toHaveLength(3);
		const tokens = await database.db.selectFrom('password_reset_token').select('id').where('user_id', '=', user.id).execute();
		expect(tokens).toHaveLength(1);
		// The one live token is one of the links queued; the other two open nothing.
		const live = mails.map((mail) => /jeton=([a-z2-7]+)/.exec(mail.secret!)![1]!).filter((token) => hashToken(token) === tokens[0]!.id);
		expect(live).toHaveLength(1);
	});

	it('40 parallel requests from one address for as many emails: 10 counted', async () => {
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => requestPasswordReset(database.db, { email: `inconnu-${i}@exemple.fr`, origin: 'http://jalon.test', address: '198.19.1.1' }))
		);
		expect(results.filter((result) => result.ok)).toHaveLength(10);
	});

	it('the answer is the same for a known and an unknown address, and so is the work done in the request', async () => {
		const user = await createAccount(database.db);
		const known = await requestPasswordReset(database.db, { email: user.email, origin: 'http://jalon.test', address: '198.19.2.1' });
		const unknown = await requestPasswordReset(database.db, { email: 'personne-du-tout@exemple.fr', origin: 'http://jalon.test', address: '198.19.2.2' });
		expect(known).toEqual(unknown);
	});

	it('three requests an hour per email, then HTTP 429 territory', async () => {
		const user = await createAccount(database.db);
		const now = new Date('2026-05-02T08:00:00Z');
		for (let i = 0; i < 3; i++) expect(await request(user.email, at(now, minutes(i)))).toEqual({ ok: true });
		expect(await request(user.email, at(now, minutes(3)))).toEqual({ ok: false, retryAfterSeconds: 57 * 60 });
	});
});
