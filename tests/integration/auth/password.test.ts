import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { hashPassword, verifyAgainstDummyHash, verifyPasswordHash } from '../../../src/lib/server/auth/password';
import { signUp } from '../../../src/lib/server/auth/sign-up';
import { findUserByEmail } from '../../../src/lib/server/auth/users.repository';
import { createAccount, TEST_PASSWORD } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describe('password hashing', () => {
	it('uses argon2id, 19 MiB, 2 passes, 1 lane, as the stored hash itself says', async () => {
		const hash = await hashPassword('une phrase de passe assez longue');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
	});

	it('salts every hash and verifies only the right password', async () => {
		const first = await hashPassword('une phrase de passe assez longue');
		const second = await hashPassword('une phrase de passe assez longue');
		expect(first).not.toBe(second);
		expect(await verifyPasswordHash(first, 'une phrase de passe assez longue')).toBe(true);
		expect(await verifyPasswordHash(first, 'une phrase de passe assez longuE')).toBe(false);
		expect(await verifyPasswordHash('pas un hash', 'x')).toBe(false);
	});

	it('normalises to NFC: the same accented password typed two ways matches', async () => {
		const composed = 'crème brûlée au caramel';
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		expect(await verifyPasswordHash(await hashPassword(composed), decomposed)).toBe(true);
	});

	it('checking an unknown email costs an argon2 verification, like a wrong password', async () => {
		const hash = await hashPassword('une phrase de passe assez longue');
		await verifyAgainstDummyHash('échauffement'); // the dummy hash is made once, on first use
		const time = async (run: () => Promise<unknown>) => {
			const started = performance.now();
			for (let i = 0; i < 3; i++) await run();
			return performance.now() - started;
		};
		const wrongPassword = await time(() => verifyPasswordHash(hash, 'mauvais mot de passe'));
		const unknownEmail = await time(() => verifyAgainstDummyHash('mauvais mot de passe'));
		// Loose bounds: the machine is noisy, but skipping argon2 would be ~1000 times faster.
		expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.4);
		expect(unknownEmail).toBeLessThan(wrongPassword * 2.5);
	});
});

describeEachEngine('logging in with a password', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const user = await createAccount(database.db);
		const wrong = await checkPasswordLogin(database.db, { email: user.email, password: 'pas le bon', address: '198.51.100.1' });
		const unknown = await checkPasswordLogin(database.db, { email: 'personne@exemple.fr', password: 'pas le bon', address: '198.51.100.1' });
		expect(wrong).toEqual({ outcome: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('accepts the email in any case and with spaces around it', async () => {
		const user = await createAccount(database.db);
		const result = await checkPasswordLogin(database.db, { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, address: '198.51.100.2' });
		expect(result.outcome).toBe('success');
	});

	it('sign-up stores the argon2id hash, never the password, and gives the candidate role', async () => {
		const result = await signUp(database.db, { email: 'Nouvelle.Candidate@Exemple.fr', displayName: '  Nina   Candidate ', password: 'les blés sont mûrs en juillet', address: '198.51.100.9' });
		expect(result.ok).toBe(true);
		const user = await findUserByEmail(database.db, 'nouvelle.candidate@exemple.fr');
		expect(user).toMatchObject({ email: 'nouvelle.candidate@exemple.fr', displayName: 'Nina Candidate', role: 'candidate' });
		expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		const row = await database.db.selectFrom('app_user').selectAll().where('id', '=', user!.id).executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain('les blés sont mûrs');
	});

	it('sign-up refuses bad input field by field and writes nothing', async () => {
		const before = await database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		const result = await signUp(database.db, { email: 'pas-une-adresse', displayName: ' ', password: 'password', address: '198.51.100.9' });
		expect(result).toEqual({
			ok: false,
			errors: {
				email: expect.stringMatching(/adresse e-mail valide/),
				displayName: 'Saisissez le nom à afficher.',
				password: expect.stringMatching(/au moins 12 caractères/)
			}
		});
		const after = await database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('sign-up refuses an email already used, whatever its case', async () => {
		const user = await createAccount(database.db);
		const result = await signUp(database.db, { email: user.email.toUpperCase(), displayName: 'Doublon', password: 'une autre phrase de passe', address: '198.51.100.9' });
		expect(result).toEqual({ ok: false, errors: { email: expect.stringMatching(/existe déjà/) } });
	});
});
