import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { checkThrottle, recordThrottleEvents, THROTTLE_RULES, throttleBucket } from '../../../src/lib/server/auth/throttle';
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

	it('keeps only hashes of emails and addresses, and forgets events out of the window', async () => {
		const now = new Date('2026-04-01T13:00:00Z');
		await recordThrottleEvents(database.db, [['loginAccount', 'secret@exemple.fr']], now);
		const rows = await database.db.selectFrom('auth_throttle_event').select('bucket').execute();
		expect(rows.map((row) => row.bucket).join(' ')).not.toContain('secret@exemple.fr');
		expect(rows.map((row) => row.bucket)).toContain(throttleBucket('loginAccount', 'secret@exemple.fr'));

		await recordThrottleEvents(database.db, [['loginAccount', 'secret@exemple.fr']], at(now, minutes(16)));
		const left = await database.db
			.selectFrom('auth_throttle_event')
			.select('occurred_at')
			.where('bucket', '=', throttleBucket('loginAccount', 'secret@exemple.fr'))
			.execute();
		expect(left).toHaveLength(1);
		expect(await checkThrottle(database.db, ['loginAccount', 'secret@exemple.fr'], at(now, minutes(16)))).toEqual({ limited: false });
	});
});
