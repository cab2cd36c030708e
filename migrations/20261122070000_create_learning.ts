import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('enrolment')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('pathway', 'text', (col) => col.notNull().check(sql`pathway in ('formation', 'vae')`))
		.addColumn('last_competence_id', 'text')
		.addColumn('last_activity_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('enrolment_user_certification_key', ['user_id', 'certification_id'])
		.execute();

	await db.schema
		.createTable('quiz_session')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('mode', 'text', (col) => col.notNull().check(sql`mode in ('adaptive', 'full')`))
		.addColumn('item_ids', 'jsonb', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'finished')`))
		.addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('finished_at', 'timestamptz')
		.execute();
	await sql`create index quiz_session_user_open_idx on quiz_session (user_id, competence_id) where status = 'open'`.execute(db);

	await db.schema
		.createTable('quiz_answer')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (col) => col.notNull().references('quiz_session.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('item_id', 'text', (col) => col.notNull())
		.addColumn('response', 'jsonb', (col) => col.notNull())
		.addColumn('score', 'double precision', (col) => col.notNull())
		.addColumn('content_version', 'text', (col) => col.notNull())
		.addColumn('idempotency_key', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		// One answer per question of a session, whatever the number of tabs or clicks.
		.addUniqueConstraint('quiz_answer_session_item_key', ['session_id', 'item_id'])
		.addUniqueConstraint('quiz_answer_idempotency_key', ['user_id', 'idempotency_key'])
		.execute();
	await db.schema.createIndex('quiz_answer_user_item_idx').on('quiz_answer').columns(['user_id', 'item_id', 'created_at']).execute();

	await db.schema
		.createTable('scenario_run')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('scenario_id', 'text', (col) => col.notNull())
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('content_version', 'text', (col) => col.notNull())
		.addColumn('current_node', 'text', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'finished')`))
		.addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('finished_at', 'timestamptz')
		.execute();
	await sql`create index scenario_run_user_open_idx on scenario_run (user_id, scenario_id) where status = 'open'`.execute(db);

	await db.schema
		.createTable('scenario_step')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('run_id', 'uuid', (col) => col.notNull().references('scenario_run.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('step_number', 'integer', (col) => col.notNull())
		.addColumn('node_id', 'text', (col) => col.notNull())
		.addColumn('choice_id', 'text', (col) => col.notNull())
		.addColumn('idempotency_key', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		// A node is played once per run: a second tab or the back button cannot fork it.
		.addUniqueConstraint('scenario_step_run_node_key', ['run_id', 'node_id'])
		.addUniqueConstraint('scenario_step_run_number_key', ['run_id', 'step_number'])
		.addUniqueConstraint('scenario_step_idempotency_key', ['user_id', 'idempotency_key'])
		.execute();

	await db.schema
		.createTable('evidence')
		.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (col) => col.notNull())
		.addColumn('source', 'text', (col) =>
			col.notNull().check(sql`source in ('quiz', 'scenario', 'self', 'portfolio', 'observation')`)
		)
		.addColumn('score', 'double precision', (col) => col.notNull().check(sql`score >= 0 and score <= 1`))
		.addColumn('weight', 'double precision', (col) => col.notNull().check(sql`weight >= 0`))
		.addColumn('item_ref', 'text', (col) => col.notNull())
		.addColumn('content_version', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('evidence_user_criterion_idx').on('evidence').columns(['user_id', 'criterion_id', 'created_at']).execute();
	// Evidence is append-only: corrections are new rows, never edits (account deletion cascades).
	await sql`
		create function evidence_is_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'evidence rows are append-only';
		end $$`.execute(db);
	await sql`create trigger evidence_no_update before update on evidence for each row execute function evidence_is_append_only()`.execute(db);

	await db.schema
		.createTable('criterion_summary')
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (col) => col.notNull())
		.addColumn('weighted_score', 'double precision', (col) => col.notNull())
		.addColumn('weighted_total', 'double precision', (col) => col.notNull())
		.addColumn('reference_at', 'timestamptz', (col) => col.notNull())
		.addColumn('evidence_count', 'integer', (col) => col.notNull())
		.addColumn('applied_count', 'integer', (col) => col.notNull())
		.addColumn('last_evidence_at', 'timestamptz')
		.addColumn('self_rating', 'double precision')
		.addColumn('self_rated_at', 'timestamptz')
		.addPrimaryKeyConstraint('criterion_summary_pkey', ['user_id', 'criterion_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('criterion_summary').execute();
	await db.schema.dropTable('evidence').execute();
	await sql`drop function evidence_is_append_only()`.execute(db);
	await db.schema.dropTable('scenario_step').execute();
	await db.schema.dropTable('scenario_run').execute();
	await db.schema.dropTable('quiz_answer').execute();
	await db.schema.dropTable('quiz_session').execute();
	await db.schema.dropTable('enrolment').execute();
}
