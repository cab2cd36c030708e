import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { changePassword } from '../../../src/lib/server/auth/password-change';
import {
	createSession,
	generateSessionToken,
	hashToken,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../../src/lib/server/auth/session';
import { countUserSessions } from '../../../src/lib/server/auth/sessions.repository';
import { at, createAccount, days, TEST_PASSWORD } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describe('session tokens', () => {
	it('are 32 base32 characters carrying 160 random bits, never twice the same', () => {
		const tokens = new Set(Array.from({ length: 1000 }, () => generateSessionToken()));
		expect(tokens.size).toBe(1000);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored as their SHA-256 in hex, not as themselves', () => {
		// Known answer: SHA-256("abc").
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const token = generateSessionToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
	});
});

describeEachEngine('sessions', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('a new session lasts 30 days and the database holds only the hash of its token', async () => {
		const user = await createAccount(database.db);
		const now = new Date('2026-03-01T10:00:00Z');
		const token = generateSessionToken();
		const session = await createSession(database.db, token, user.id, now);
		expect(session.expiresAt.getTime() - now.getTime()).toBe(SESSION_LIFETIME_MS);

		const rows = await database.db.selectFrom('user_session').selectAll().where('user_id', '=', user.id).execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);

		const result = await validateSessionToken(database.db, token, at(now, days(1)));
		expect(result.user).toMatchObject({ id: user.id, email: user.email, role: 'candidate' });
		expect(result.renewed).toBe(false);
	});

	it('is extended to 30 days from now once less than half its life remains, not before', async () => {
		const user = await createAccount(database.db);
		const start = new Date('2026-03-01T10:00:00Z');
		const token = generateSessionToken();
		await createSession(database.db, token, user.id, start);

		const day14 = await validateSessionToken(database.db, token, at(start, days(14)));
		expect(day14.renewed).toBe(false);
		expect(day14.session!.expiresAt.getTime()).toBe(start.getTime() + days(30));

		const day16 = at(start, days(16));
		const renewed = await validateSessionToken(database.db, token, day16);
		expect(renewed.renewed).toBe(true);
		expect(renewed.session!.expiresAt.getTime()).toBe(day16.getTime() + days(30));
		const stored = await database.db.selectFrom('user_session').select('expires_at').where('id', '=', hashToken(token)).executeTakeFirstOrThrow();
		expect(stored.expires_at.getTime()).toBe(day16.getTime() + days(30));

		// Still valid on day 40 thanks to the renewal, though the first expiry was day 30.
		expect((await validateSessionToken(database.db, token, at(start, days(40)))).user?.id).toBe(user.id);
	});

	it('an expired session is rejected and removed from the database', async () => {
		const user = await createAccount(database.db);
		const start = new Date('2026-03-01T10:00:00Z');
		const token = generateSessionToken();
		await createSession(database.db, token, user.id, start);

		const result = await validateSessionToken(database.db, token, at(start, days(30)));
		expect(result).toEqual({ session: null, user: null, renewed: false });
		expect(await countUserSessions(database.db, user.id)).toBe(0);
	});

	it('an unknown or malformed token is rejected', async () => {
		expect((await validateSessionToken(database.db, generateSessionToken())).user).toBeNull();
		expect((await validateSessionToken(database.db, "x' or 1=1 --")).user).toBeNull();
		expect((await validateSessionToken(database.db, '')).user).toBeNull();
	});

	it('logging in twice gives two different tokens; logging out everywhere ends both', async () => {
		const user = await createAccount(database.db);
		const first = generateSessionToken();
		const second = generateSessionToken();
		await createSession(database.db, first, user.id);
		await createSession(database.db, second, user.id);
		expect(first).not.toBe(second);
		expect(await countUserSessions(database.db, user.id)).toBe(2);

		await invalidateUserSessions(database.db, user.id);
		expect((await validateSessionToken(database.db, first)).user).toBeNull();
		expect((await validateSessionToken(database.db, second)).user).toBeNull();
	});

	it('changing the password ends every other session and opens a new one for this device', async () => {
		const user = await createAccount(database.db);
		const laptop = generateSessionToken();
		const phone = generateSessionToken();
		await createSession(database.db, laptop, user.id);
		await createSession(database.db, phone, user.id);

		const result = await changePassword(database.db, {
			user,
			currentPassword: TEST_PASSWORD,
			newPassword: 'un tout nouveau mot de passe',
			address: '203.0.113.7'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect((await validateSessionToken(database.db, laptop)).user).toBeNull();
		expect((await validateSessionToken(database.db, phone)).user).toBeNull();
		expect((await validateSessionToken(database.db, result.token)).user?.id).toBe(user.id);
		expect(await countUserSessions(database.db, user.id)).toBe(1);

		const oldLogin = await checkPasswordLogin(database.db, { email: user.email, password: TEST_PASSWORD, address: '203.0.113.7' });
		expect(oldLogin.outcome).toBe('invalid');
		const newLogin = await checkPasswordLogin(database.db, { email: user.email, password: 'un tout nouveau mot de passe', address: '203.0.113.7' });
		expect(newLogin.outcome).toBe('success');
	});

	it('a password change with a wrong current password changes nothing and ends no session', async () => {
		const user = await createAccount(database.db);
		const token = generateSessionToken();
		await createSession(database.db, token, user.id);
		const result = await changePassword(database.db, {
			user,
			currentPassword: 'pas le bon mot de passe',
			newPassword: 'un tout nouveau mot de passe',
			address: '203.0.113.8'
		});
		expect(result).toEqual({ ok: false, errors: { currentPassword: 'Le mot de passe actuel est incorrect.' } });
		expect((await validateSessionToken(database.db, token)).user?.id).toBe(user.id);
		const login = await checkPasswordLogin(database.db, { email: user.email, password: TEST_PASSWORD, address: '203.0.113.8' });
		expect(login.outcome).toBe('success');
	});
});
