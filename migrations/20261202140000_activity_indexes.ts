import type { Kysely } from 'kysely';

/**
 * The trainers' follow-up reads every member's quiz sessions and scenario runs of one
 * certification (`user_id in (…) and competence_id like 'tci.%'`). The existing indexes on
 * these tables are partial (open sessions and runs only), so that read scanned the whole
 * table; these cover it. Evidence (user_id, criterion_id, created_at) and the summaries'
 * primary key (user_id, criterion_id) already cover the cohort's other reads.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('quiz_session_user_competence_idx').on('quiz_session').columns(['user_id', 'competence_id']).execute();
	await db.schema.createIndex('scenario_run_user_competence_idx').on('scenario_run').columns(['user_id', 'competence_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('scenario_run_user_competence_idx').execute();
	await db.schema.dropIndex('quiz_session_user_competence_idx').execute();
}
