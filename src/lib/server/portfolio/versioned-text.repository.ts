import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { decideSave, type SaveDecision, type StoredText } from './versioned-text';

/** Which text: its owner, a scope naming the kind of text (« vae-bloc »), and a key within it. */
export interface TextKey {
	userId: string;
	scope: string;
	key: string;
}

export async function findText(db: Executor, ref: TextKey, { lock = false } = {}): Promise<StoredText | null> {
	let query = db.selectFrom('versioned_text').select(['body', 'version']).where('user_id', '=', ref.userId).where('scope', '=', ref.scope).where('key', '=', ref.key);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? { body: row.body, version: Number(row.version) } : null;
}

/** Every text of one owner in one scope, by key. */
export async function findTexts(db: Executor, userId: string, scope: string): Promise<Map<string, StoredText>> {
	const rows = await db.selectFrom('versioned_text').select(['key', 'body', 'version']).where('user_id', '=', userId).where('scope', '=', scope).execute();
	return new Map(rows.map((row) => [row.key, { body: row.body, version: Number(row.version) }]));
}

/**
 * Saves a text if nobody saved another since `baseVersion` (see decideSave); the row is locked
 * for the decision, and a first save that races another finds the other's row and conflicts.
 */
export async function saveText(db: Kysely<Database>, ref: TextKey, input: { baseVersion: number; body: string; at: Date }): Promise<SaveDecision> {
	return withTransaction(db, async (tx) => {
		const current = await findText(tx, ref, { lock: true });
		const decision = decideSave(current, input.baseVersion, input.body);
		if (decision.kind !== 'save') return decision;
		if (current) {
			await tx.updateTable('versioned_text').set({ body: input.body, version: decision.version, updated_at: input.at }).where('user_id', '=', ref.userId).where('scope', '=', ref.scope).where('key', '=', ref.key).execute();
			return decision;
		}
		const inserted = await tx
			.insertInto('versioned_text')
			.values({ user_id: ref.userId, scope: ref.scope, key: ref.key, body: input.body, version: decision.version, updated_at: input.at })
			.onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
			.returning('version')
			.executeTakeFirst();
		if (inserted) return decision;
		const theirs = await findText(tx, ref);
		return { kind: 'conflict', theirs: theirs ?? { body: '', version: 0 } } as const;
	});
}
