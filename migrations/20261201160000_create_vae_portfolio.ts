import { sql, type Kysely } from 'kysely';

/**
 * VAE, part 1 (src/lib/server/vae, src/lib/server/portfolio):
 * - vae_positioning: every « oui / partiellement / non » an applicant gives on a criterion, with
 *   its optional example, append-only (the history); each row is mirrored by an evidence row of
 *   source `self` that supersedes the previous one;
 * - portfolio_experience: dated professional experiences (ISO dates kept as text: no time zone
 *   can move a day) of a certification's candidate
 *   (pathway-neutral: the projects report of candidates in training reuses them);
 * - portfolio_link: an experience linked to a criterion it proves, with its justification, its
 *   review state and the live `portfolio` evidence row while it is validated;
 * - portfolio_review: every review of a link by an accompagnateur (validée / à compléter), kept;
 * - portfolio_comment: the accompagnateur's comments on an experience.
 * The reviewer and the comment's author are kept as SET NULL: the review belongs to the
 * applicant's file and outlives the accompagnateur's account, unsigned.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('vae_positioning')
		.addColumn('id', 'bigserial', (col) => col.primaryKey())
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (col) => col.notNull())
		.addColumn('answer', 'text', (col) => col.notNull().check(sql`answer in ('oui', 'partiellement', 'non')`))
		.addColumn('example', 'text')
		.addColumn('evidence_id', 'bigint', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('vae_positioning_user_idx').on('vae_positioning').columns(['user_id', 'criterion_id', 'id']).execute();

	await db.schema
		.createTable('portfolio_experience')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('context', 'text', (col) => col.notNull())
		.addColumn('role', 'text', (col) => col.notNull())
		.addColumn('start_date', 'text', (col) => col.check(sql`start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
		.addColumn('end_date', 'text', (col) => col.check(sql`end_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
		.addColumn('duration_band', 'text', (col) => col.check(sql`duration_band in ('moins-1', '1-3', 'plus-3', 'plus-5', 'plus-10')`))
		.addColumn('activities', 'text', (col) => col.notNull())
		.addColumn('results', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('portfolio_experience_dated', sql`start_date is not null or duration_band is not null`)
		.addCheckConstraint('portfolio_experience_order', sql`end_date is null or start_date is null or end_date >= start_date`)
		.execute();
	await db.schema.createIndex('portfolio_experience_user_idx').on('portfolio_experience').columns(['user_id', 'certification_id']).execute();

	await db.schema
		.createTable('portfolio_link')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('experience_id', 'uuid', (col) => col.notNull().references('portfolio_experience.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (col) => col.notNull())
		.addColumn('justification', 'text', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('à revoir').check(sql`status in ('à revoir', 'validée', 'à compléter')`))
		// The live `portfolio` evidence row while the link is validated; null otherwise.
		.addColumn('evidence_id', 'bigint', (col) => col.references('evidence.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('portfolio_link_once', ['experience_id', 'criterion_id'])
		.execute();
	await db.schema.createIndex('portfolio_link_user_idx').on('portfolio_link').columns(['user_id', 'criterion_id']).execute();

	await db.schema
		.createTable('portfolio_review')
		.addColumn('id', 'bigserial', (col) => col.primaryKey())
		.addColumn('link_id', 'uuid', (col) => col.notNull().references('portfolio_link.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('reviewer_id', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('decision', 'text', (col) => col.notNull().check(sql`decision in ('validée', 'à compléter')`))
		.addColumn('reason', 'text')
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('portfolio_review_reason', sql`decision = 'validée' or reason is not null`)
		.execute();
	await db.schema.createIndex('portfolio_review_link_idx').on('portfolio_review').columns(['link_id', 'id']).execute();

	await db.schema
		.createTable('portfolio_comment')
		.addColumn('id', 'bigserial', (col) => col.primaryKey())
		.addColumn('experience_id', 'uuid', (col) => col.notNull().references('portfolio_experience.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('author_id', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
		.addColumn('body', 'text', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('portfolio_comment_experience_idx').on('portfolio_comment').columns(['experience_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['portfolio_comment', 'portfolio_review', 'portfolio_link', 'portfolio_experience', 'vae_positioning']) {
		await db.schema.dropTable(table).execute();
	}
}
