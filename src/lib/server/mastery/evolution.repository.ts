import { sql } from 'kysely';
import type { Executor } from '../db';
import { DAY_MS, WEEK_MS, type EvidenceBucket } from './evolution';
import { APPLIED_SOURCES, HALF_LIFE_DAYS } from './model';

type BucketRow = [criterionId: string, bucket: number, weightedScore: number, weightedTotal: number, count: number, applied: number];

/**
 * The user's evidence on these criteria after the first checkpoint, reduced to one bucket per
 * (criterion, week) (see evolution.ts, whose `bucketEvidence` computes the same thing in
 * TypeScript): only the weeks shown are read, whatever the length of the history.
 * - date_part gives a double precision; extract() would give a numeric, and power() on
 *   numerics is an order of magnitude slower;
 * - the buckets come back as one JSON array: one JSON.parse instead of the driver decoding
 *   hundreds of rows, a third of this query's cost in the app.
 */
export async function findEvidenceBuckets(db: Executor, userId: string, criterionIds: string[], checkpoints: Date[]): Promise<EvidenceBucket[]> {
	const anchor = checkpoints[0];
	if (!anchor || checkpoints.length < 2 || criterionIds.length === 0) return [];
	const seconds = sql<number>`date_part('epoch', created_at - ${anchor.toISOString()}::timestamptz)`;
	const growth = sql<number>`power(2::float8, ${seconds} / ${(HALF_LIFE_DAYS * DAY_MS) / 1000}::float8)`;
	const bucket = sql<number>`least(${checkpoints.length - 1}::int, ceil(${seconds} / ${WEEK_MS / 1000}::float8)::int)`;
	const buckets = db
		.selectFrom('evidence')
		.select([
			'criterion_id',
			bucket.as('bucket'),
			sql<number>`sum(weight * coalesce(score, 0) * ${growth})`.as('weighted_score'),
			sql<number>`sum(weight * ${growth})`.as('weighted_total'),
			sql<number>`count(*)::int`.as('count'),
			sql<number>`(count(*) filter (where source in (${sql.join([...APPLIED_SOURCES])})))::int`.as('applied')
		])
		.where('user_id', '=', userId)
		.where('criterion_id', 'in', criterionIds)
		.where('source', '<>', 'self')
		// Live rows only: a correction replaces what it supersedes, a withdrawal takes it away.
		.where('kind', '=', 'record')
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
		.where('created_at', '>', anchor)
		.groupBy(['criterion_id', sql`2`])
		.as('b');
	const row = await db
		.selectFrom(buckets)
		.select(
			sql<BucketRow[] | string | null>`json_agg(json_build_array(b.criterion_id, b.bucket, b.weighted_score, b.weighted_total, b.count, b.applied))`.as('buckets')
		)
		.executeTakeFirst();
	const list: BucketRow[] = typeof row?.buckets === 'string' ? JSON.parse(row.buckets) : (row?.buckets ?? []);
	return list.map(([criterionId, bucket, weightedScore, weightedTotal, count, applied]) => ({ criterionId, bucket, weightedScore, weightedTotal, count, applied }));
}
