import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, grantAdmin } from '../../../src/lib/server/auth/admin-accounts';
import { ensureDemoAccounts, shouldCreateDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { checkPasswordLogin } from '../../../src/lib/server/auth/login';
import { checkNewPassword } from '../../../src/lib/server/auth/password-policy';
import { listRoleChanges } from '../../../src/lib/server/auth/role-audit.repository';
import { changeUserRole } from '../../../src/lib/server/auth/role-change';
import { findUserByEmail, findUserById, listUsers } from '../../../src/lib/server/auth/users.repository';
import { createAccount } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

describe('demo accounts switch', () => {
	it('is on for the embedded database, off on PostgreSQL unless JALON_DEMO=1, off with JALON_DEMO=0', () => {
		expect(shouldCreateDemoAccounts('pglite', {})).toBe(true);
		expect(shouldCreateDemoAccounts('postgres', {})).toBe(false);
		expect(shouldCreateDemoAccounts('postgres', { JALON_DEMO: '1' })).toBe(true);
		expect(shouldCreateDemoAccounts('pglite', { JALON_DEMO: '0' })).toBe(false);
	});

	it('uses passwords that the password policy itself would accept', () => {
		for (const account of Object.values(DEMO_ACCOUNTS)) expect(checkNewPassword(account.password), account.email).toBeNull();
	});
});

describeEachEngine('roles', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('a role change is written to the audit log with who, what and when', async () => {
		const admin = await createAccount(database.db, { role: 'admin' });
		const user = await createAccount(database.db);
		const when = new Date('2026-06-01T09:30:00Z');
		expect(await changeUserRole(database.db, { actorId: admin.id, userId: user.id, role: 'trainer', now: when })).toEqual({ ok: true, changed: true });
		expect((await findUserById(database.db, user.id))?.role).toBe('trainer');
		expect(await listRoleChanges(database.db, user.id)).toEqual([
			expect.objectContaining({ actorId: admin.id, actorName: admin.displayName, oldRole: 'candidate', newRole: 'trainer', origin: 'web', createdAt: when })
		]);

		// Setting the same role again changes nothing and logs nothing.
		expect(await changeUserRole(database.db, { actorId: admin.id, userId: user.id, role: 'trainer' })).toEqual({ ok: true, changed: false });
		expect(await listRoleChanges(database.db, user.id)).toHaveLength(1);
	});

	it('an unknown account is reported, not created', async () => {
		const admin = await createAccount(database.db, { role: 'admin' });
		expect(await changeUserRole(database.db, { actorId: admin.id, userId: '00000000-0000-4000-8000-000000000000', role: 'admin' })).toEqual({ ok: false, reason: 'not-found' });
	});

	it('admin:create creates an admin with a generated password, once, and promotes an existing account', async () => {
		const created = await grantAdmin(database.db, 'Nouvelle.Admin@Exemple.fr');
		expect(created).toMatchObject({ outcome: 'created', email: 'nouvelle.admin@exemple.fr' });
		if (created.outcome !== 'created') return;
		expect(created.password).toMatch(/^([a-z2-7]{4}-){5}[a-z2-7]{4}$/);
		expect((await checkPasswordLogin(database.db, { email: created.email, password: created.password, address: '10.0.0.1' })).outcome).toBe('success');
		expect(await grantAdmin(database.db, 'nouvelle.admin@exemple.fr')).toEqual({ outcome: 'already-admin', email: 'nouvelle.admin@exemple.fr' });

		const trainer = await createAccount(database.db, { role: 'trainer' });
		expect(await grantAdmin(database.db, trainer.email)).toEqual({ outcome: 'promoted', email: trainer.email, previousRole: 'trainer' });
		expect((await findUserById(database.db, trainer.id))?.role).toBe('admin');
		expect(await listRoleChanges(database.db, trainer.id)).toEqual([expect.objectContaining({ actorId: null, origin: 'cli', oldRole: 'trainer', newRole: 'admin' })]);
		await expect(grantAdmin(database.db, 'pas-une-adresse')).rejects.toThrow(/adresse e-mail valide/);
		expect(generatePassword()).not.toBe(generatePassword());
	});

	it('the account list pages and searches by name or email, case-insensitively', async () => {
		for (let i = 0; i < 3; i++) await createAccount(database.db, { name: `zorglub${i}` });
		const found = await listUsers(database.db, { search: 'ZORGLUB', pageSize: 2, page: 1 });
		expect(found.total).toBe(3);
		expect(found.users).toHaveLength(2);
		const second = await listUsers(database.db, { search: 'zorglub', pageSize: 2, page: 2 });
		expect(second.users).toHaveLength(1);
		expect(second.users[0]!.id).not.toBe(found.users[0]!.id);
		expect((await listUsers(database.db, { search: '%' })).total).toBe(0);
	});

	it('demo accounts are created once, with their documented passwords and roles', async () => {
		const created = await ensureDemoAccounts(database.db);
		expect(created).toHaveLength(4);
		expect(created.join('\n')).toContain('demo-jalon-candidat');
		expect(await ensureDemoAccounts(database.db)).toEqual([]);
		for (const account of Object.values(DEMO_ACCOUNTS)) {
			expect((await findUserByEmail(database.db, account.email))?.role).toBe(account.role);
			expect((await checkPasswordLogin(database.db, { email: account.email, password: account.password, address: '10.0.0.2' })).outcome).toBe('success');
		}
		expect(DEMO_ACCOUNTS.vae.displayName).toMatch(/VAE/);
	});
});
