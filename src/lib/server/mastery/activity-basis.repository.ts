import { sql } from 'kysely';
import type { Executor } from '../db';
import { emptyBasis, type ActivityBasis } from './activity-basis';

/**
 * Per competence, what the candidate's estimate rests on, read from the ledger itself (so it
 * counts evidence however it was written: the engines, imported histories, demo data): quiz
 * answers and scenario decisions (one per item or choice made, whatever the number of criteria
 * it moves), live observations and live validated proofs. One grouped query.
 */
export async function findActivityBasis(db: Executor, userId: string, competenceIds: string[]): Promise<Map<string, ActivityBasis>> {
	const basis = new Map<string, ActivityBasis>();
	if (competenceIds.length === 0) return basis;
	// The competence of a criterion is its id without the last part (tci.c1.met1 → tci.c1).
	const competence = sql<string>`regexp_replace(criterion_id, '\\.[^.]+$', '')`;
	const rows = await db
		.selectFrom('evidence')
		.select([competence.as('competence'), 'source', sql<string>`count(distinct item_ref || '@' || created_at::text)`.as('count')])
		.where('user_id', '=', userId)
		.where('kind', '=', 'record')
		.where('source', '<>', 'self')
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
		.where(competence, 'in', competenceIds)
		.groupBy([sql`1`, 'source'])
		.execute();
	const field = { quiz: 'quizAnswers', scenario: 'scenarioDecisions', observation: 'observations', portfolio: 'proofs' } as const;
	for (const row of rows) {
		const key = field[row.source as keyof typeof field];
		if (!key) continue;
		const current = basis.get(row.competence) ?? emptyBasis();
		basis.set(row.competence, { ...current, [key]: Number(row.count) });
	}
	return basis;
}
