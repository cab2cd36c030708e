import type { Executor } from '../db';
import { emptyBasis, type ActivityBasis } from './activity-basis';


/** Per competence (module), the candidate's quiz answers and scenario decisions: two grouped counts. */
export async function findActivityBasis(db: Executor, userId: string, competenceIds: string[]): Promise<Map<string, ActivityBasis>> {
	const basis = new Map<string, ActivityBasis>();
	if (competenceIds.length === 0) return basis;
	const [answers, decisions] = await Promise.all([
		db
			.selectFrom('quiz_answer')
			.innerJoin('quiz_session', 'quiz_session.id', 'quiz_answer.session_id')
			.select(['quiz_session.competence_id as competence', (eb) => eb.fn.countAll<string>().as('count')])
			.where('quiz_answer.user_id', '=', userId)
			.where('quiz_session.competence_id', 'in', competenceIds)
			.groupBy('quiz_session.competence_id')
			.execute(),
		db
			.selectFrom('scenario_step')
			.innerJoin('scenario_run', 'scenario_run.id', 'scenario_step.run_id')
			.select(['scenario_run.competence_id as competence', (eb) => eb.fn.countAll<string>().as('count')])
			.where('scenario_step.user_id', '=', userId)
			.where('scenario_run.competence_id', 'in', competenceIds)
			.groupBy('scenario_run.competence_id')
			.execute()
	]);
	for (const row of answers) basis.set(row.competence, { ...(basis.get(row.competence) ?? emptyBasis()), quizAnswers: Number(row.count) });
	for (const row of decisions) basis.set(row.competence, { ...(basis.get(row.competence) ?? emptyBasis()), scenarioDecisions: Number(row.count) });
	return basis;
}
