import { sql, type Kysely } from 'kysely';

/**
 * The evidence ledger for every source of proof (src/lib/server/evidence/):
 * - who recorded a row (the trainer for an observation, the accompagnateur for a validated
 *   proof; null for the quiz and scenario engines). An account's deletion keeps the evidence it
 *   recorded for others, unsigned: it belongs to the candidate's ledger;
 * - corrections and withdrawals as new rows that supersede the row they replace (a row is
 *   superseded at most once); a withdrawal has no score of its own;
 * - the situation of an observation (real work, reconstituted, or an interview with evidence);
 * - in the summary, the training-only sums behind « acquis à l'entraînement », the live proofs
 *   behind « démontré en situation réelle », and counts per source.
 * The summaries are recomputed by the next start-up (startup.ts rebuilds users whose evidence
 * has no summary), since the new columns need the equivalences of the content to be filled.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('evidence')
		.addColumn('recorded_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('supersedes', 'bigint', (col) => col.references('evidence.id').onDelete('cascade'))
		.addColumn('kind', 'text', (col) => col.notNull().defaultTo('record').check(sql`kind in ('record', 'withdrawal')`))
		.addColumn('situation', 'text', (col) => col.check(sql`situation in ('réelle', 'reconstituée', 'entretien')`))
		.execute();
	await sql`alter table evidence alter column score drop not null`.execute(db);
	await sql`alter table evidence add constraint evidence_withdrawal_has_no_score check ((kind = 'withdrawal') = (score is null))`.execute(db);
	await sql`alter table evidence add constraint evidence_withdrawal_supersedes check (kind = 'record' or supersedes is not null)`.execute(db);
	await sql`create unique index evidence_superseded_once on evidence (supersedes) where supersedes is not null`.execute(db);

	await db.schema
		.alterTable('criterion_summary')
		.addColumn('training_score', 'double precision', (col) => col.notNull().defaultTo(0))
		.addColumn('training_total', 'double precision', (col) => col.notNull().defaultTo(0))
		.addColumn('training_applied', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('demonstrating_count', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('quiz_count', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('scenario_count', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('observation_count', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('portfolio_count', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	await db.deleteFrom('criterion_summary').execute();
	await db.schema.createIndex('criterion_summary_criterion_idx').on('criterion_summary').columns(['criterion_id', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('criterion_summary_criterion_idx').execute();
	for (const column of ['training_score', 'training_total', 'training_applied', 'demonstrating_count', 'quiz_count', 'scenario_count', 'observation_count', 'portfolio_count']) {
		await db.schema.alterTable('criterion_summary').dropColumn(column).execute();
	}
	await db.deleteFrom('criterion_summary').execute();
	await sql`drop index evidence_superseded_once`.execute(db);
	// Withdrawals cannot be expressed without the new columns: they go with them.
	await db.deleteFrom('evidence').where('kind', '=', 'withdrawal').execute();
	await sql`alter table evidence drop constraint evidence_withdrawal_supersedes`.execute(db);
	await sql`alter table evidence drop constraint evidence_withdrawal_has_no_score`.execute(db);
	await sql`alter table evidence alter column score set not null`.execute(db);
	for (const column of ['situation', 'kind', 'supersedes', 'recorded_by']) {
		await db.schema.alterTable('evidence').dropColumn(column).execute();
	}
}
