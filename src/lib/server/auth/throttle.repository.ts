import { sql } from 'kysely';
import type { Executor } from '../db';

/**
 * Counts one attempt in a bucket in a single statement and returns the bucket's count and
 * window end after it. The upsert takes the row's lock, so parallel attempts (several
 * connections, several instances) are counted one after the other: never two at the same
 * count. A bucket whose window has ended starts again at 1 with a new window. The count stops
 * at limit + 1: what is over the limit is refused, however far over.
 */
export async function incrementThrottleCounter(
	db: Executor,
	{ bucket, limit, now, windowEndsAt }: { bucket: string; limit: number; now: Date; windowEndsAt: Date }
): Promise<{ attempts: number; windowEndsAt: Date }> {
	const { rows } = await sql<{ attempts: number; window_ends_at: Date }>`
		insert into throttle_counter as c (bucket, attempts, window_ends_at)
		values (${bucket}, 1, ${windowEndsAt})
		on conflict (bucket) do update set
			attempts = case when c.window_ends_at <= ${now} then 1 else least(c.attempts + 1, ${limit + 1}) end,
			window_ends_at = case when c.window_ends_at <= ${now} then excluded.window_ends_at else c.window_ends_at end
		returning c.attempts, c.window_ends_at`.execute(db);
	const row = rows[0]!;
	return { attempts: Number(row.attempts), windowEndsAt: new Date(row.window_ends_at) };
}

/** Gives one attempt back (it was not spent on the expensive check), within the window. */
export async function decrementThrottleCounter(db: Executor, bucket: string, now: Date): Promise<void> {
	await db
		.updateTable('throttle_counter')
		.set({ attempts: sql`greatest(attempts - 1, 0)` })
		.where('bucket', '=', bucket)
		.where('window_ends_at', '>', now)
		.execute();
}

export async function deleteThrottleCounter(db: Executor, bucket: string): Promise<void> {
	await db.deleteFrom('throttle_counter').where('bucket', '=', bucket).execute();
}

/** Deletes every bucket keyed by one subject hash, whatever its rule. */
export async function deleteThrottleCountersForSubject(db: Executor, subjectHash: string): Promise<number> {
	const result = await db.deleteFrom('throttle_counter').where('bucket', 'like', `%:${subjectHash}`).executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function deleteEndedThrottleCounters(db: Executor, now: Date): Promise<number> {
	const result = await db.deleteFrom('throttle_counter').where('window_ends_at', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}
