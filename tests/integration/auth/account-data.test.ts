import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteAccount, deleteAccountNow, exportAccountData } from '../../../src/lib/server/auth/account-data';
import { requestPasswordReset } from '../../../src/lib/server/auth/reset';
import { changeUserRole } from '../../../src/lib/server/auth/role-change';
import { createSession, generateSessionToken, validateSessionToken } from '../../../src/lib/server/auth/session';
import { consumeAttempts, throttleSubjectHash } from '../../../src/lib/server/auth/throttle';
import { listUserReferences } from '../../../src/lib/server/auth/user-data.repository';
import { findUserById } from '../../../src/lib/server/auth/users.repository';
import { createAccount, TEST_PASSWORD } from '../../helpers/accounts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';

/**
 * Foreign keys to app_user that may do something other than cascade, each with its reason.
 * Anything not listed here must be ON DELETE CASCADE (see src/lib/server/auth/README.md).
 */
const NON_CASCADING_REFERENCES: Record<string, string> = {
	'role_change_audit.actor_id': 'SET NULL: the audit entry outlives the admin who made the change, without their identity',
	'evidence.recorded_by': 'SET NULL: an observation or a validated proof belongs to the candidate’s ledger and outlives the trainer who recorded it, unsigned',
	'portfolio_review.reviewer_id': 'SET NULL: a review of a VAE proof belongs to the applicant’s file and outlives the accompagnateur, unsigned',
	'portfolio_comment.author_id': 'SET NULL: an accompagnateur’s comment belongs to the applicant’s file and outlives its author, unsigned',
	'rehearsal_comment.author_id': 'SET NULL: a trainer’s comment on a rehearsal belongs to the candidate’s rehearsal and outlives its author, unsigned',
	'observation.recorded_by': 'SET NULL: an observation belongs to the candidate (its results are ledger rows) and outlives the trainer who recorded it, unsigned'
};

describeEachEngine('account data (RGPD)', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	/** Rows of every table that still point at the user, found the same generic way. */
	async function rowsReferencing(userId: string): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const { table, column } of await listUserReferences(database.db)) {
			const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${userId}`.execute(database.db);
			if (rows[0]!.n > 0) counts[`${table}.${column}`] = rows[0]!.n;
		}
		const self = await database.db.selectFrom('app_user').select('id').where('id', '=', userId).execute();
		if (self.length) counts['app_user.id'] = self.length;
		return counts;
	}

	/** Gives the user rows in every auth table, as real use would. */
	async function populate(userId: string, email: string): Promise<void> {
		await createSession(database.db, generateSessionToken(), userId);
		await requestPasswordReset(database.db, { email, origin: 'http://jalon.test', address: `100.64.${Math.floor(Math.random() * 250)}.1` });
		await consumeAttempts(database.db, [['loginAccount', email]]);
	}

	it('every foreign key to app_user cascades on delete, or is a listed exception', async () => {
		const references = await listUserReferences(database.db);
		expect(references.map((r) => `${r.table}.${r.column}`)).toEqual(expect.arrayContaining(['user_session.user_id', 'password_reset_token.user_id', 'outbox.user_id', 'role_change_audit.user_id']));
		const offenders = references
			.filter((reference) => reference.deleteRule !== 'CASCADE' && !(`${reference.table}.${reference.column}` in NON_CASCADING_REFERENCES))
			.map((reference) => `${reference.table}.${reference.column} (ON DELETE ${reference.deleteRule})`);
		expect(offenders, 'ajoutez ON DELETE CASCADE à ces clés étrangères vers app_user').toEqual([]);
	});

	it('the export holds the user’s own rows from every referencing table, and no secret', async () => {
		const admin = await createAccount(database.db, { role: 'admin', name: 'admin' });
		const user = await createAccount(database.db, { name: 'exporte' });
		const other = await createAccount(database.db, { name: 'voisin' });
		await populate(user.id, user.email);
		await populate(other.id, other.email);
		await changeUserRole(database.db, { actorId: admin.id, userId: user.id, role: 'trainer' });

		const data = await exportAccountData(database.db, user.id);
		expect(data.user).toMatchObject({ id: user.id, email: user.email, display_name: user.displayName, role: 'trainer' });
		expect(data.user).not.toHaveProperty('password_hash');
		for (const { table } of await listUserReferences(database.db)) expect(data.tables, table).toHaveProperty(table);
		expect(data.tables.user_session).toHaveLength(1);
		expect(data.tables.user_session![0]).not.toHaveProperty('id');
		expect(data.tables.password_reset_token).toHaveLength(1);
		expect(data.tables.outbox).toHaveLength(1);
		expect(data.tables.role_change_audit).toEqual([expect.objectContaining({ user_id: user.id, new_role: 'trainer' })]);

		const text = JSON.stringify(data);
		expect(text).not.toContain('$argon2id');
		// The reset link is live: neither the outbox row nor anything else may carry it.
		const [queued] = await database.db.selectFrom('outbox').select('secret').where('user_id', '=', user.id).execute();
		const liveToken = /jeton=([a-z2-7]+)/.exec(queued!.secret ?? '')![1]!;
		expect(text).not.toContain(liveToken);
		expect(text).not.toContain('jeton=');
		expect(data.tables.outbox![0]).not.toHaveProperty('secret');
		expect(text).not.toContain(other.id);
		expect(text).not.toContain(other.email);
	});

	it('an admin’s export includes the role changes they made', async () => {
		const admin = await createAccount(database.db, { role: 'admin', name: 'auteur' });
		const user = await createAccount(database.db);
		await changeUserRole(database.db, { actorId: admin.id, userId: user.id, role: 'trainer' });
		const data = await exportAccountData(database.db, admin.id);
		expect(data.tables.role_change_audit).toEqual([expect.objectContaining({ actor_id: admin.id, user_id: user.id })]);
	});

	it('deletion needs the password, then leaves no row referencing the user', async () => {
		const user = await createAccount(database.db, { name: 'supprime' });
		const other = await createAccount(database.db, { name: 'reste' });
		const admin = await createAccount(database.db, { role: 'admin', name: 'admin2' });
		await populate(user.id, user.email);
		await populate(other.id, other.email);
		await changeUserRole(database.db, { actorId: admin.id, userId: user.id, role: 'trainer' });
		const session = generateSessionToken();
		await createSession(database.db, session, user.id);
		expect(Object.keys(await rowsReferencing(user.id)).length).toBeGreaterThan(3);

		const asUser = { id: user.id, email: user.email, displayName: user.displayName, role: 'trainer' as const };
		expect(await deleteAccount(database.db, { user: asUser, password: 'pas le bon', address: '100.64.0.2' })).toEqual({ ok: false, reason: 'wrong-password' });
		expect(await findUserById(database.db, user.id)).not.toBeNull();

		const buckets = () =>
			database.db.selectFrom('throttle_counter').select('bucket').where('bucket', 'like', `%:${throttleSubjectHash(user.email)}`).execute();
		expect((await buckets()).length).toBeGreaterThan(0);
		expect(await deleteAccount(database.db, { user: asUser, password: TEST_PASSWORD, address: '100.64.0.2' })).toEqual({ ok: true });
		expect(await rowsReferencing(user.id)).toEqual({});
		// Throttle counters keyed by the email's hash go with the account.
		expect(await buckets()).toEqual([]);
		expect((await validateSessionToken(database.db, session)).user).toBeNull();
		// Nobody else lost anything.
		expect(Object.keys(await rowsReferencing(other.id)).length).toBeGreaterThan(2);
	});

	it('an admin who is deleted leaves their audit entries, without their identity', async () => {
		const leaving = await createAccount(database.db, { role: 'admin', name: 'partant' });
		await createAccount(database.db, { role: 'admin', name: 'restant' });
		const user = await createAccount(database.db);
		await changeUserRole(database.db, { actorId: leaving.id, userId: user.id, role: 'trainer' });
		expect(await deleteAccountNow(database.db, leaving.id)).toEqual({ ok: true });
		expect(await rowsReferencing(leaving.id)).toEqual({});
		const entries = await database.db.selectFrom('role_change_audit').selectAll().where('user_id', '=', user.id).execute();
		expect(entries).toEqual([expect.objectContaining({ actor_id: null, old_role: 'candidate', new_role: 'trainer' })]);
	});
});

describeEachEngine('the last administrator', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('can be neither deleted nor demoted', async () => {
		const only = await createAccount(database.db, { role: 'admin' });
		expect(await deleteAccountNow(database.db, only.id)).toEqual({ ok: false, reason: 'last-admin' });
		expect(await changeUserRole(database.db, { actorId: only.id, userId: only.id, role: 'candidate' })).toEqual({ ok: false, reason: 'last-admin' });
		expect((await findUserById(database.db, only.id))?.role).toBe('admin');

		const second = await createAccount(database.db, { role: 'admin' });
		expect(await changeUserRole(database.db, { actorId: second.id, userId: only.id, role: 'candidate' })).toEqual({ ok: true, changed: true });
		expect(await deleteAccountNow(database.db, second.id)).toEqual({ ok: false, reason: 'last-admin' });
	});
});
