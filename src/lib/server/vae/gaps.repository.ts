import type { Executor } from '../db';

export interface TrainingAnswer {
	criterionId: string;
	source: 'quiz' | 'scenario';
	itemRef: string;
	score: number;
	at: Date;
}

/**
 * The live quiz answers and scenario choices on these criteria, newest first, at most `perCriterion`
 * each: the answers behind a contradiction between a positioning and the training evidence.
 */
export async function findTrainingAnswers(db: Executor, userId: string, criterionIds: readonly string[], perCriterion = 6): Promise<TrainingAnswer[]> {
	if (criterionIds.length === 0) return [];
	const rows = await db
		.selectFrom('evidence')
		.select(['criterion_id', 'source', 'item_ref', 'score', 'created_at'])
		.where('user_id', '=', userId)
		.where('criterion_id', 'in', [...criterionIds])
		.where('source', 'in', ['quiz', 'scenario'])
		.where('kind', '=', 'record')
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
		.orderBy('id', 'desc')
		.execute();
	const kept = new Map<string, number>();
	return rows.flatMap((row) => {
		const n = kept.get(row.criterion_id) ?? 0;
		if (n >= perCriterion) return [];
		kept.set(row.criterion_id, n + 1);
		return [{ criterionId: row.criterion_id, source: row.source as 'quiz' | 'scenario', itemRef: row.item_ref, score: row.score ?? 0, at: new Date(row.created_at) }];
	});
}

/** Per criterion of a certification, the states of the applicant's links to it. */
export async function findLinkStates(db: Executor, userId: string, certificationId: string): Promise<{ criterionId: string; status: 'à revoir' | 'validée' | 'à compléter'; experienceId: string }[]> {
	const rows = await db
		.selectFrom('portfolio_link')
		.innerJoin('portfolio_experience', 'portfolio_experience.id', 'portfolio_link.experience_id')
		.select(['portfolio_link.criterion_id', 'portfolio_link.status', 'portfolio_link.experience_id'])
		.where('portfolio_link.user_id', '=', userId)
		.where('portfolio_experience.certification_id', '=', certificationId)
		.execute();
	return rows.map((row) => ({ criterionId: row.criterion_id, status: row.status, experienceId: row.experience_id }));
}
