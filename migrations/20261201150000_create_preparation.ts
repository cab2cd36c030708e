import { sql, type Kysely } from 'kysely';

// Evaluation preparation (issue 20): answers to the « Préparer l'évaluation » quizzes and
// rehearsals of the commission's questions. Both live apart from the evidence ledger: they say
// nothing about a criterion, so they never reach the summaries or the self-rating.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('preparation_session')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('item_ids', 'jsonb', (col) => col.notNull())
		.addColumn('draw_seed', 'text', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'finished')`))
		.addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('finished_at', 'timestamptz')
		.execute();
	// One open session per candidate and certification: a second click resumes it.
	await sql`create unique index preparation_session_open_key on preparation_session (user_id, certification_id) where status = 'open'`.execute(db);

	await db.schema
		.createTable('preparation_answer')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (col) => col.notNull().references('preparation_session.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('item_id', 'text', (col) => col.notNull())
		.addColumn('response', 'jsonb', (col) => col.notNull())
		.addColumn('score', 'double precision', (col) => col.notNull().check(sql`score >= 0 and score <= 1`))
		.addColumn('content_version', 'text', (col) => col.notNull())
		.addColumn('idempotency_key', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('preparation_answer_session_item_key', ['session_id', 'item_id'])
		.addUniqueConstraint('preparation_answer_idempotency_key', ['user_id', 'idempotency_key'])
		.execute();
	await db.schema.createIndex('preparation_answer_user_item_idx').on('preparation_answer').columns(['user_id', 'item_id', 'created_at']).execute();

	// Each saved version of an answer is a row: the latest is the answer, the others its history.
	await db.schema
		.createTable('rehearsal_answer')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('question_id', 'text', (col) => col.notNull())
		.addColumn('body', 'text', (col) => col.notNull())
		// The texts of the points the candidate ticked for this version; null until they tick.
		.addColumn('covered_points', 'jsonb')
		.addColumn('idempotency_key', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('rehearsal_answer_idempotency_key', ['user_id', 'idempotency_key'])
		.execute();
	await db.schema.createIndex('rehearsal_answer_user_question_idx').on('rehearsal_answer').columns(['user_id', 'question_id', 'created_at']).execute();

	await db.schema
		.createTable('rehearsal_comment')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('answer_id', 'uuid', (col) => col.notNull().references('rehearsal_answer.id').onDelete('cascade'))
		// The comment belongs to the candidate's rehearsal: it outlives its author's account, unsigned.
		.addColumn('author_id', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('body', 'text', (col) => col.notNull())
		.addColumn('idempotency_key', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('rehearsal_comment_idempotency_key', ['idempotency_key'])
		.execute();
	await db.schema.createIndex('rehearsal_comment_answer_idx').on('rehearsal_comment').columns(['answer_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rehearsal_comment').execute();
	await db.schema.dropTable('rehearsal_answer').execute();
	await db.schema.dropTable('preparation_answer').execute();
	await db.schema.dropTable('preparation_session').execute();
}
