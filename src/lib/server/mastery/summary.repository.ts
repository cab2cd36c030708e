import type { Selectable } from 'kysely';
import type { Executor } from '../db';
import type { CriterionSummaryTable } from '../db/schema';
import { emptySummary, type CriterionSummary } from './model';
import { summariesFromEvidence } from './rebuild';

type SummaryRow = Selectable<CriterionSummaryTable>;

export function toSummary(row: SummaryRow): CriterionSummary {
	return {
		weightedScore: row.weighted_score,
		weightedTotal: row.weighted_total,
		referenceAt: new Date(row.reference_at),
		evidenceCount: row.evidence_count,
		appliedCount: row.applied_count,
		lastEvidenceAt: row.last_evidence_at ? new Date(row.last_evidence_at) : null,
		selfRating: row.self_rating,
		selfRatedAt: row.self_rated_at ? new Date(row.self_rated_at) : null
	};
}

export function toRow(userId: string, criterionId: string, summary: CriterionSummary): SummaryRow {
	return {
		user_id: userId,
		criterion_id: criterionId,
		weighted_score: summary.weightedScore,
		weighted_total: summary.weightedTotal,
		reference_at: summary.referenceAt,
		evidence_count: summary.evidenceCount,
		applied_count: summary.appliedCount,
		last_evidence_at: summary.lastEvidenceAt,
		self_rating: summary.selfRating,
		self_rated_at: summary.selfRatedAt
	};
}

/** The summaries of one user, keyed by criterion id (optionally only some criteria). */
export async function findSummaries(db: Executor, userId: string, criterionIds?: string[]): Promise<Map<string, CriterionSummary>> {
	if (criterionIds && criterionIds.length === 0) return new Map();
	let query = db.selectFrom('criterion_summary').selectAll().where('user_id', '=', userId);
	if (criterionIds) query = query.where('criterion_id', 'in', criterionIds);
	const rows = await query.execute();
	return new Map(rows.map((row) => [row.criterion_id, toSummary(row)]));
}

/**
 * Locks the summaries of these criteria for the rest of the transaction, in a fixed order so
 * two transactions on overlapping criteria cannot deadlock. Missing rows are first created
 * empty: a concurrent transaction then waits on that insert instead of computing from nothing
 * and overwriting this one's update.
 */
export async function lockSummaries(tx: Executor, userId: string, criterionIds: string[], at: Date): Promise<Map<string, CriterionSummary>> {
	const sorted = [...new Set(criterionIds)].sort();
	if (sorted.length === 0) return new Map();
	await tx
		.insertInto('criterion_summary')
		.values(sorted.map((criterionId) => toRow(userId, criterionId, emptySummary(at))))
		.onConflict((oc) => oc.columns(['user_id', 'criterion_id']).doNothing())
		.execute();
	const rows = await tx
		.selectFrom('criterion_summary')
		.selectAll()
		.where('user_id', '=', userId)
		.where('criterion_id', 'in', sorted)
		.orderBy('criterion_id')
		.forUpdate()
		.execute();
	return new Map(rows.map((row) => [row.criterion_id, toSummary(row)]));
}

export async function saveSummaries(tx: Executor, userId: string, summaries: Map<string, CriterionSummary>): Promise<void> {
	const rows = [...summaries].sort(([a], [b]) => a.localeCompare(b)).map(([criterionId, summary]) => toRow(userId, criterionId, summary));
	if (rows.length === 0) return;
	await tx
		.insertInto('criterion_summary')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['user_id', 'criterion_id']).doUpdateSet((eb) => ({
				weighted_score: eb.ref('excluded.weighted_score'),
				weighted_total: eb.ref('excluded.weighted_total'),
				reference_at: eb.ref('excluded.reference_at'),
				evidence_count: eb.ref('excluded.evidence_count'),
				applied_count: eb.ref('excluded.applied_count'),
				last_evidence_at: eb.ref('excluded.last_evidence_at'),
				self_rating: eb.ref('excluded.self_rating'),
				self_rated_at: eb.ref('excluded.self_rated_at')
			}))
		)
		.execute();
}

/**
 * Recomputes one user's summaries from their evidence, replacing what is stored. Call it in a
 * transaction: it first locks the user's row FOR UPDATE, which waits for every transaction
 * writing evidence for this user (their insert holds a KEY SHARE lock on it through the
 * foreign key) and holds new ones back until the rebuild commits, so none is lost in between.
 */
export async function rebuildUserSummaries(
	tx: Executor,
	userId: string,
	equivalentsOf: (criterionId: string) => string[]
): Promise<number> {
	await tx.selectFrom('app_user').select('id').where('id', '=', userId).forUpdate().execute();
	const rows = await tx
		.selectFrom('evidence')
		.select(['criterion_id', 'source', 'score', 'weight', 'created_at'])
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();
	const summaries = summariesFromEvidence(
		rows.map((row) => ({ criterionId: row.criterion_id, source: row.source, score: row.score, weight: row.weight, at: new Date(row.created_at) })),
		equivalentsOf
	);
	await tx.deleteFrom('criterion_summary').where('user_id', '=', userId).execute();
	await saveSummaries(tx, userId, summaries);
	return summaries.size;
}
