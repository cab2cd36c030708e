import { sql, type Kysely } from 'kysely';

/**
 * Trainers' groups (src/lib/server/groups/): a group prepares one certification, has its
 * trainers and its candidates, a join code and a join link, and assignments with due dates.
 * - Dates of the training and the evaluation, and due dates, are calendar days stored as
 *   'YYYY-MM-DD' text: no time zone can shift them, and they sort as text.
 * - The join code is unique among open groups only (a closed group's code is null).
 * - Every reference to an account cascades: a deleted trainer leaves the group, a deleted
 *   candidate leaves it and loses their assignments; an assignment outlives its author.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const isoDay = (column: string) => sql`${sql.ref(column)} is null or (${sql.ref(column)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and ${sql.ref(column)}::date is not null)`;

	await db.schema
		.createTable('trainer_group')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) between 1 and 120`))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('formation', 'vae')`))
		.addColumn('starts_on', 'text', (col) => col.check(isoDay('starts_on')))
		.addColumn('ends_on', 'text', (col) => col.check(isoDay('ends_on')))
		.addColumn('evaluation_on', 'text', (col) => col.check(isoDay('evaluation_on')))
		.addColumn('join_code', 'text', (col) => col.check(sql`join_code ~ '^[A-Z]{6}[0-9]{3}$'`))
		.addColumn('join_token', 'text')
		.addColumn('inactivity_days', 'integer', (col) => col.notNull().defaultTo(14).check(sql`inactivity_days between 1 and 365`))
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('trainer_group_dates_in_order', sql`starts_on is null or ends_on is null or starts_on <= ends_on`)
		.addCheckConstraint('trainer_group_code_and_link_together', sql`(join_code is null) = (join_token is null)`)
		.execute();
	await sql`create unique index trainer_group_open_code on trainer_group (join_code) where join_code is not null`.execute(db);
	await sql`create unique index trainer_group_open_token on trainer_group (join_token) where join_token is not null`.execute(db);

	await db.schema
		.createTable('group_trainer')
		.addColumn('group_id', 'uuid', (col) => col.notNull().references('trainer_group.id').onDelete('cascade'))
		.addColumn('trainer_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('added_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('group_trainer_pkey', ['group_id', 'trainer_id'])
		.execute();
	await db.schema.createIndex('group_trainer_trainer_idx').on('group_trainer').columns(['trainer_id', 'group_id']).execute();

	await db.schema
		.createTable('group_member')
		.addColumn('group_id', 'uuid', (col) => col.notNull().references('trainer_group.id').onDelete('cascade'))
		.addColumn('candidate_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('joined_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('group_member_pkey', ['group_id', 'candidate_id'])
		.execute();
	await db.schema.createIndex('group_member_candidate_idx').on('group_member').columns(['candidate_id', 'group_id']).execute();

	await db.schema
		.createTable('assignment')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('group_id', 'uuid', (col) => col.notNull().references('trainer_group.id').onDelete('cascade'))
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('due_on', 'text', (col) => col.notNull().check(isoDay('due_on')))
		.addColumn('instruction', 'text', (col) => col.check(sql`length(instruction) <= 1000`))
		// True: every member of the group, including those who join later; false: assignment_target.
		.addColumn('whole_group', 'boolean', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('assignment_group_idx').on('assignment').columns(['group_id', 'due_on']).execute();

	await db.schema
		.createTable('assignment_target')
		.addColumn('assignment_id', 'uuid', (col) => col.notNull().references('assignment.id').onDelete('cascade'))
		.addColumn('candidate_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('assignment_target_pkey', ['assignment_id', 'candidate_id'])
		.execute();
	await db.schema.createIndex('assignment_target_candidate_idx').on('assignment_target').columns(['candidate_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('assignment_target').execute();
	await db.schema.dropTable('assignment').execute();
	await db.schema.dropTable('group_member').execute();
	await db.schema.dropTable('group_trainer').execute();
	await db.schema.dropTable('trainer_group').execute();
}
