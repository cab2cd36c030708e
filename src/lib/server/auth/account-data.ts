import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { checkPasswordLogin } from './login';
import { clearSubjectThrottles } from './throttle';
import type { SessionUser } from './types';
import { selectRowsReferencingUser, listUserReferences } from './user-data.repository';
import { countUsersWithRole, deleteUser, findUserById, lockUsersForAdminCheck } from './users.repository';

/**
 * Columns left out of the export: credentials and what is derived from them. A session id
 * or reset token id is the SHA-256 of a secret, useless to the reader and better not copied
 * around in a file.
 */
const SECRET_COLUMNS: Record<string, readonly string[]> = {
	app_user: ['password_hash'],
	user_session: ['id'],
	password_reset_token: ['id'],
	// A link with a live token, kept only until the message is sent (see ../mail/mailer.ts).
	outbox: ['secret'],
	// The SHA-256 of a tutor's invitation link (see ../company-opinion).
	company_opinion_invitation: ['token_hash']
};

/**
 * Binary columns (a proof document's bytes) are exported in base64, so that the export gives
 * the documents back, not only their names: { encoding: 'base64', data }.
 */
const exportable = (value: unknown): unknown => (value instanceof Uint8Array ? { encoding: 'base64', data: Buffer.from(value).toString('base64') } : value);

function withoutSecrets(table: string, row: Record<string, unknown>): Record<string, unknown> {
	const hidden = SECRET_COLUMNS[table] ?? [];
	return Object.fromEntries(Object.entries(row).filter(([column]) => !hidden.includes(column)).map(([column, value]) => [column, exportable(value)]));
}

export interface AccountExport {
	format: 'jalon-export/1';
	exportedAt: string;
	user: Record<string, unknown>;
	/** Every row of every table with a foreign key to the user, by table name. */
	tables: Record<string, Record<string, unknown>[]>;
}

/**
 * Everything the database holds about one user (RGPD right of access and portability): the
 * account row without its password hash, and the rows of every table that references
 * app_user, found through information_schema so that future tables are included.
 */
export async function exportAccountData(db: Kysely<Database>, userId: string, now = new Date()): Promise<AccountExport> {
	return db.transaction().execute(async (trx) => {
		const users = await selectRowsReferencingUser(trx, 'app_user', ['id'], userId);
		const user = users[0];
		if (!user) throw new Error('compte introuvable');
		const columnsByTable = new Map<string, string[]>();
		for (const reference of await listUserReferences(trx)) {
			columnsByTable.set(reference.table, [...(columnsByTable.get(reference.table) ?? []), reference.column]);
		}
		const tables: AccountExport['tables'] = {};
		for (const [table, columns] of [...columnsByTable].sort(([a], [b]) => a.localeCompare(b))) {
			const rows = await selectRowsReferencingUser(trx, table, columns, userId);
			tables[table] = rows.map((row) => withoutSecrets(table, row));
		}
		return { format: 'jalon-export/1', exportedAt: now.toISOString(), user: withoutSecrets('app_user', user), tables };
	});
}

export type AccountDeletionResult =
	| { ok: true }
	| { ok: false; reason: 'wrong-password' | 'last-admin' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Deletes the account once its owner has typed their password again. Every row that
 * references the user goes with it through ON DELETE CASCADE (sessions included), so the
 * deletion is one statement and cannot stop half-way.
 */
export async function deleteAccount(
	db: Kysely<Database>,
	input: { user: SessionUser; password: string; address: string; now?: Date }
): Promise<AccountDeletionResult> {
	const check = await checkPasswordLogin(db, { email: input.user.email, password: input.password, address: input.address, now: input.now });
	if (check.outcome === 'throttled') return { ok: false, reason: 'throttled', retryAfterSeconds: check.retryAfterSeconds };
	if (check.outcome === 'invalid') return { ok: false, reason: 'wrong-password' };
	return deleteAccountNow(db, input.user.id);
}

/** Deletes an account without asking for its password (tests, scripts). */
export async function deleteAccountNow(db: Kysely<Database>, userId: string): Promise<AccountDeletionResult> {
	return db.transaction().execute(async (trx) => {
		await lockUsersForAdminCheck(trx);
		const user = await findUserById(trx, userId);
		if (user?.role === 'admin' && (await countUsersWithRole(trx, 'admin')) <= 1) {
			return { ok: false, reason: 'last-admin' } as const;
		}
		await deleteUser(trx, userId);
		if (user) await clearSubjectThrottles(trx, user.email);
		return { ok: true } as const;
	});
}
