import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteAccount } from '../../../src/lib/server/auth/account-data';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { purgeExpiredAuthData } from '../../../src/lib/server/auth/maintenance';
import { changePassword } from '../../../src/lib/server/auth/password-change';
import { signUp } from '../../../src/lib/server/auth/sign-up';
import { consumeAttempt, consumeAttempts, THROTTLE_RULES, throttleBucket } from '../../../src/lib/server/auth/throttle';
import { findUserById } from '../../../src/lib/server/auth/users.repository';
import { at, createAccount, minutes, TEST_PASSWORD } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describeEachEngine('throttling', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	const login = (email: string, password: string, address: string, now: Date) =>
		checkPasswordLogin(database.db, { email, password, address, now });

	it('the thresholds are 5 failures per account and 50 per address in 15 minutes', () => {
		expect(THROTTLE_RULES.loginAccount).toEqual({ limit: 5, windowMs: minutes(15) });
		expect(THROTTLE_RULES.loginAddress).toEqual({ limit: 50, windowMs: minutes(15) });
	});

	it('after 5 failures on one account, even the right password waits until the window passes', async () => {
		const user = await createAccount(database.db);
		const start = new Date('2026-04-01T08:00:00Z');
		for (let i = 0; i < 5; i++) {
			expect((await login(user.email, 'mauvais mot de passe', '192.0.2.10', at(start, minutes(i)))).outcome).toBe('invalid');
		}
		const blocked = await login(user.email, TEST_PASSWORD, '192.0.2.11', at(start, minutes(5)));
		// The first failure (minute 0) leaves the window at minute 15: 10 minutes from now.
		expect(blocked).toEqual({ outcome: 'throttled', retryAfterSeconds: 600 });

		expect((await login(user.email, TEST_PASSWORD, '192.0.2.11', at(start, minutes(15) - 1000))).outcome).toBe('throttled');
		expect((await login(user.email, TEST_PASSWORD, '192.0.2.11', at(start, minutes(15)))).outcome).toBe('success');
	});

	it('4 failures then a success: the success clears the account’s count', async () => {
		const user = await createAccount(database.db);
		const start = new Date('2026-04-01T09:00:00Z');
		for (let i = 0; i < 4; i++) await login(user.email, 'mauvais mot de passe', '192.0.2.20', at(start, i * 1000));
		expect((await login(user.email, TEST_PASSWORD, '192.0.2.20', at(start, 5000))).outcome).toBe('success');
		for (let i = 0; i < 4; i++) {
			expect((await login(user.email, 'mauvais mot de passe', '192.0.2.20', at(start, 6000 + i * 1000))).outcome).toBe('invalid');
		}
		expect((await login(user.email, TEST_PASSWORD, '192.0.2.20', at(start, 20_000))).outcome).toBe('success');
	});

	it('another account’s failures do not stop a successful login', async () => {
		const attacked = await createAccount(database.db, { name: 'attaque' });
		const other = await createAccount(database.db, { name: 'autre' });
		const now = new Date('2026-04-01T10:00:00Z');
		for (let i = 0; i < 6; i++) await login(attacked.email, 'mauvais mot de passe', '192.0.2.30', now);
		expect((await login(attacked.email, TEST_PASSWORD, '192.0.2.31', now)).outcome).toBe('throttled');
		// Same address as the attacker (under its own limit) and another address: both fine.
		expect((await login(other.email, TEST_PASSWORD, '192.0.2.30', now)).outcome).toBe('success');
		expect((await login(other.email, TEST_PASSWORD, '192.0.2.32', now)).outcome).toBe('success');
	});

	it('50 failures from one address, spread over accounts, block that address only', async () => {
		const victim = await createAccount(database.db, { name: 'victime' });
		const now = new Date('2026-04-01T11:00:00Z');
		for (let i = 0; i < 50; i++) {
			expect((await login(`inconnu-${i}@exemple.fr`, 'mauvais mot de passe', '192.0.2.40', now)).outcome).toBe('invalid');
		}
		const blocked = await login(victim.email, TEST_PASSWORD, '192.0.2.40', now);
		expect(blocked).toEqual({ outcome: 'throttled', retryAfterSeconds: 900 });
		expect((await login(victim.email, TEST_PASSWORD, '192.0.2.41', now)).outcome).toBe('success');
	});

	it('unknown emails are throttled like real accounts, so the limit reveals nothing', async () => {
		const now = new Date('2026-04-01T12:00:00Z');
		for (let i = 0; i < 5; i++) await login('fantome@exemple.fr', 'mauvais', `192.0.2.${50 + i}`, now);
		expect((await login('FANTOME@exemple.fr', 'mauvais', '192.0.2.60', now)).outcome).toBe('throttled');
	});

	it('keeps only hashes of emails and addresses, and starts a new window once one has ended', async () => {
		const now = new Date('2026-04-01T13:00:00Z');
		const rule = { limit: 2, windowMs: minutes(15) };
		const bucket = throttleBucket('loginAccount', 'secret@exemple.fr');
		await consumeAttempts(database.db, [['loginAccount', 'secret@exemple.fr']], now);
		const rows = await database.db.selectFrom('throttle_counter').select('bucket').execute();
		expect(rows.map((row) => row.bucket).join(' ')).not.toContain('secret@exemple.fr');
		expect(rows.map((row) => row.bucket)).toContain(bucket);

		expect(await consumeAttempt(database.db, 'test:fenetre', rule, now)).toEqual({ allowed: true });
		expect(await consumeAttempt(database.db, 'test:fenetre', rule, at(now, minutes(1)))).toEqual({ allowed: true });
		expect(await consumeAttempt(database.db, 'test:fenetre', rule, at(now, minutes(2)))).toEqual({ allowed: false, retryAfterSeconds: 13 * 60 });
		expect(await consumeAttempt(database.db, 'test:fenetre', rule, at(now, minutes(15)))).toEqual({ allowed: true });
	});

	it('the periodic purge drops counters whose window has ended, and only those', async () => {
		const now = new Date('2026-04-01T14:00:00Z');
		await consumeAttempt(database.db, 'test:ancien', { limit: 3, windowMs: minutes(15) }, now);
		await consumeAttempt(database.db, 'test:recent', { limit: 3, windowMs: minutes(15) }, at(now, minutes(10)));
		await purgeExpiredAuthData(database.db, at(now, minutes(16)));
		const left = await database.db.selectFrom('throttle_counter').select('bucket').where('bucket', 'like', 'test:%').execute();
		expect(left.map((row) => row.bucket)).toContain('test:recent');
		expect(left.map((row) => row.bucket)).not.toContain('test:ancien');
	});
});

/** Runs `count` calls at once and counts their outcomes. */
async function burst<T>(count: number, call: (i: number) => Promise<T>, key: (result: T) => string): Promise<Record<string, number>> {
	const results = await Promise.all(Array.from({ length: count }, (_, i) => call(i)));
	const counts: Record<string, number> = {};
	for (const result of results) counts[key(result)] = (counts[key(result)] ?? 0) + 1;
	return counts;
}

describeEachEngine('throttling under parallel bursts', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('the counter itself: 300 parallel attempts on one bucket allow exactly the limit', async () => {
		const counts = await burst(
			300,
			() => consumeAttempt(database.db, 'test:rafale', { limit: 7, windowMs: minutes(15) }),
			(result) => (result.allowed ? 'allowed' : 'refused')
		);
		expect(counts).toEqual({ allowed: 7, refused: 293 });
	});

	it('200 parallel logins with wrong passwords on one account: 5 passwords checked, the rest 429', async () => {
		const user = await createAccount(database.db, { name: 'rafale' });
		const counts = await burst(
			200,
			(i) => checkPasswordLogin(database.db, { email: user.email, password: `essai numéro ${i}`, address: `203.0.113.${i % 200}` }),
			(result) => result.outcome
		);
		expect(counts).toEqual({ invalid: 5, throttled: 195 });
		// Locked now, even for the right password.
		expect((await checkPasswordLogin(database.db, { email: user.email, password: TEST_PASSWORD, address: '203.0.113.250' })).outcome).toBe('throttled');
	});

	it('120 parallel logins on as many accounts from one address: 50 passwords checked', async () => {
		const counts = await burst(
			120,
			(i) => checkPasswordLogin(database.db, { email: `personne-${i}@exemple.fr`, password: 'mauvais', address: '203.0.114.1' }),
			(result) => result.outcome
		);
		expect(counts).toEqual({ invalid: 50, throttled: 70 });
	});

	it('/compte password change: 60 parallel wrong current passwords, 5 checked', async () => {
		const user = await createAccount(database.db, { name: 'change' });
		const sessionUser = { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
		const counts = await burst(
			60,
			(i) => changePassword(database.db, { user: sessionUser, currentPassword: `faux ${i}`, newPassword: 'un tout nouveau mot de passe', address: `203.0.115.${i}` }),
			(result) => (result.ok ? 'changed' : 'retryAfterSeconds' in result ? 'throttled' : 'wrong')
		);
		expect(counts).toEqual({ wrong: 5, throttled: 55 });
	});

	it('/compte deletion: 60 parallel wrong passwords, 5 checked, the account stays', async () => {
		const user = await createAccount(database.db, { name: 'suppression' });
		const sessionUser = { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
		const counts = await burst(
			60,
			(i) => deleteAccount(database.db, { user: sessionUser, password: `faux ${i}`, address: `203.0.116.${i}` }),
			(result) => (result.ok ? 'deleted' : result.reason)
		);
		expect(counts).toEqual({ 'wrong-password': 5, throttled: 55 });
		expect(await findUserById(database.db, user.id)).not.toBeNull();
	});

	it('100 parallel sign-ups from one address: 60 accounts, the rest 429', async () => {
		const counts = await burst(
			100,
			(i) => signUp(database.db, { email: `eleve-${i}@classe.fr`, displayName: `Élève ${i}`, password: 'une phrase de passe pour la classe', address: '203.0.117.1' }),
			(result) => (result.ok ? 'created' : 'retryAfterSeconds' in result ? 'throttled' : 'refused')
		);
		expect(counts).toEqual({ created: 60, throttled: 40 });
	});

	it('a class of 30 behind one address signs up within the hour, each with a retry to spare', async () => {
		const start = new Date('2026-04-02T08:00:00Z');
		for (let i = 0; i < 30; i++) {
			// A first try refused by the password policy costs nothing; an « existe déjà » does.
			const again = await signUp(database.db, { email: `classe-${i}@centre.fr`, displayName: `Stagiaire ${i}`, password: 'court', address: '203.0.118.1', now: at(start, minutes(i)) });
			expect(again.ok).toBe(false);
			const result = await signUp(database.db, { email: `classe-${i}@centre.fr`, displayName: `Stagiaire ${i}`, password: 'une phrase de passe pour la classe', address: '203.0.118.1', now: at(start, minutes(i)) });
			expect(result.ok, `stagiaire ${i}`).toBe(true);
			const duplicate = await signUp(database.db, { email: `classe-${i}@centre.fr`, displayName: `Stagiaire ${i}`, password: 'une phrase de passe pour la classe', address: '203.0.118.1', now: at(start, minutes(i)) });
			expect(duplicate).toEqual({ ok: false, errors: { email: expect.stringMatching(/existe déjà/) } });
		}
	});
});
