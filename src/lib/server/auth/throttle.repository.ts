import type { Executor } from '../db';

export async function insertThrottleEvent(db: Executor, bucket: string, occurredAt: Date): Promise<void> {
	await db.insertInto('auth_throttle_event').values({ bucket, occurred_at: occurredAt }).execute();
}

/** The most recent events of a bucket since a time, newest first. */
export async function listRecentThrottleEvents(db: Executor, bucket: string, since: Date, limit: number): Promise<Date[]> {
	const rows = await db
		.selectFrom('auth_throttle_event')
		.select('occurred_at')
		.where('bucket', '=', bucket)
		.where('occurred_at', '>', since)
		.orderBy('occurred_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => row.occurred_at);
}

export async function deleteThrottleEvents(db: Executor, bucket: string, before?: Date): Promise<void> {
	let query = db.deleteFrom('auth_throttle_event').where('bucket', '=', bucket);
	if (before) query = query.where('occurred_at', '<=', before);
	await query.execute();
}

export async function deleteThrottleEventsBefore(db: Executor, before: Date): Promise<number> {
	const result = await db.deleteFrom('auth_throttle_event').where('occurred_at', '<=', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}
