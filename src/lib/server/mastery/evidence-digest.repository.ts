import type { Executor } from '../db';
import type { EvidenceSource } from './model';

/** What a tutor or an evaluator reads about the evidence behind one criterion. */
export interface EvidenceDigest {
	count: number;
	lastAt: Date | null;
	/** Pieces of evidence by source, most frequent first; self-positioning excluded. */
	sources: { source: EvidenceSource; count: number }[];
}

/** The user's own evidence on these criteria, counted by source (one grouped query). */
export async function findEvidenceDigests(db: Executor, userId: string, criterionIds: string[]): Promise<Map<string, EvidenceDigest>> {
	if (criterionIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('evidence')
		.select(['criterion_id', 'source', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('created_at').as('last_at')])
		.where('user_id', '=', userId)
		.where('criterion_id', 'in', criterionIds)
		.where('source', '<>', 'self')
		.where('kind', '=', 'record')
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
		.groupBy(['criterion_id', 'source'])
		.execute();
	const digests = new Map<string, EvidenceDigest>();
	for (const row of rows) {
		const digest = digests.get(row.criterion_id) ?? { count: 0, lastAt: null, sources: [] };
		const count = Number(row.count);
		const lastAt = new Date(row.last_at as Date | string);
		digest.count += count;
		if (!digest.lastAt || lastAt > digest.lastAt) digest.lastAt = lastAt;
		digest.sources.push({ source: row.source, count });
		digests.set(row.criterion_id, digest);
	}
	for (const digest of digests.values()) digest.sources.sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
	return digests;
}
