import type { Executor } from '../db';
import type { Catalog } from '../content/types';
import { summariesFromLedger } from './fold';
import { findUserLedger } from './ledger.repository';
import { saveSummaries } from './summary.repository';

/**
 * Recomputes one user's summaries from their ledger, replacing what is stored. Call it in a
 * transaction: it first locks the user's row FOR UPDATE, which waits for every transaction
 * writing evidence for this user (their insert holds a KEY SHARE lock on it through the
 * foreign key) and holds new ones back until the rebuild commits, so none is lost in between.
 */
export async function rebuildUserSummaries(tx: Executor, catalog: Pick<Catalog, 'equivalentsOf'>, userId: string): Promise<number> {
	await tx.selectFrom('app_user').select('id').where('id', '=', userId).forUpdate().execute();
	const summaries = summariesFromLedger(await findUserLedger(tx, userId), catalog.equivalentsOf);
	await tx.deleteFrom('criterion_summary').where('user_id', '=', userId).execute();
	await saveSummaries(tx, userId, summaries);
	return summaries.size;
}

/** Users who have evidence but no summary at all (after a migration that reset the summaries). */
export async function findUsersWithoutSummaries(db: Executor): Promise<string[]> {
	const rows = await db
		.selectFrom('evidence')
		.select('evidence.user_id')
		.distinct()
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('criterion_summary').select('criterion_summary.user_id').whereRef('criterion_summary.user_id', '=', 'evidence.user_id'))))
		.execute();
	return rows.map((row) => row.user_id);
}
