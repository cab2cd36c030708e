import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db';
import type { CriterionSummaryTable } from '../db/schema';
import { emptySummary, type CriterionSummary } from '../mastery/model';

type SummaryRow = Selectable<CriterionSummaryTable>;

export function toSummary(row: SummaryRow): CriterionSummary {
	return {
		weightedScore: row.weighted_score,
		weightedTotal: row.weighted_total,
		referenceAt: new Date(row.reference_at),
		trainingScore: row.training_score,
		trainingTotal: row.training_total,
		trainingApplied: row.training_applied,
		evidenceCount: row.evidence_count,
		appliedCount: row.applied_count,
		demonstratingCount: row.demonstrating_count,
		sourceCounts: { quiz: row.quiz_count, scenario: row.scenario_count, observation: row.observation_count, portfolio: row.portfolio_count },
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
		training_score: summary.trainingScore,
		training_total: summary.trainingTotal,
		training_applied: summary.trainingApplied,
		evidence_count: summary.evidenceCount,
		applied_count: summary.appliedCount,
		demonstrating_count: summary.demonstratingCount,
		quiz_count: summary.sourceCounts.quiz,
		scenario_count: summary.sourceCounts.scenario,
		observation_count: summary.sourceCounts.observation,
		portfolio_count: summary.sourceCounts.portfolio,
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
				training_score: eb.ref('excluded.training_score'),
				training_total: eb.ref('excluded.training_total'),
				training_applied: eb.ref('excluded.training_applied'),
				evidence_count: eb.ref('excluded.evidence_count'),
				applied_count: eb.ref('excluded.applied_count'),
				demonstrating_count: eb.ref('excluded.demonstrating_count'),
				quiz_count: eb.ref('excluded.quiz_count'),
				scenario_count: eb.ref('excluded.scenario_count'),
				observation_count: eb.ref('excluded.observation_count'),
				portfolio_count: eb.ref('excluded.portfolio_count'),
				last_evidence_at: eb.ref('excluded.last_evidence_at'),
				self_rating: eb.ref('excluded.self_rating'),
				self_rated_at: eb.ref('excluded.self_rated_at')
			}))
		)
		.execute();
}

/**
 * The summaries of many users on a set of criteria in one query, shaped user × criterion: what
 * the cohort views read. Users without any summary are present with an empty map.
 */
export async function findSummariesForUsers(db: Executor, userIds: string[], criterionIds: string[]): Promise<Map<string, Map<string, CriterionSummary>>> {
	const byUser = new Map<string, Map<string, CriterionSummary>>(userIds.map((id) => [id, new Map()]));
	if (userIds.length === 0 || criterionIds.length === 0) return byUser;
	const rows = await db.selectFrom('criterion_summary').selectAll().where('user_id', 'in', userIds).where('criterion_id', 'in', criterionIds).execute();
	for (const row of rows) byUser.get(row.user_id)?.set(row.criterion_id, toSummary(row));
	return byUser;
}

/** The columns the status and the two levels read (masteryOf's rules): what a cohort needs, no more. */
const LEVEL_COLUMNS = ['user_id', 'criterion_id', 'weighted_score', 'weighted_total', 'reference_at', 'training_score', 'training_total', 'training_applied', 'applied_count', 'demonstrating_count'] as const;

/**
 * Like findSummariesForUsers, but only what `statusOf` and `levelsOf` read (the counts they
 * ignore are zero, the dates null): a cohort of 500 × 89 reads a third of the columns and one
 * timestamp a row instead of three. Never use these summaries for anything else.
 */
export async function findLevelSummariesForUsers(db: Executor, userIds: string[], criterionIds: string[]): Promise<Map<string, Map<string, CriterionSummary>>> {
	const byUser = new Map<string, Map<string, CriterionSummary>>(userIds.map((id) => [id, new Map()]));
	if (userIds.length === 0 || criterionIds.length === 0) return byUser;
	// The reference instant as epoch milliseconds (floored, as the driver's own date parsing
	// truncates): parsing tens of thousands of timestamp strings was most of this read's cost.
	const rows = await db
		.selectFrom('criterion_summary')
		.select([...LEVEL_COLUMNS.filter((c) => c !== 'reference_at'), sql<number>`floor(extract(epoch from reference_at) * 1000)::float8`.as('reference_ms')])
		.where('user_id', 'in', userIds)
		.where('criterion_id', 'in', criterionIds)
		.execute();
	for (const row of rows) {
		const summary = emptySummary(new Date(Number(row.reference_ms)));
		summary.weightedScore = row.weighted_score;
		summary.weightedTotal = row.weighted_total;
		summary.trainingScore = row.training_score;
		summary.trainingTotal = row.training_total;
		summary.trainingApplied = row.training_applied;
		summary.appliedCount = row.applied_count;
		summary.demonstratingCount = row.demonstrating_count;
		byUser.get(row.user_id)?.set(row.criterion_id, summary);
	}
	return byUser;
}
