import { sql, type Kysely } from 'kysely';

/**
 * Evaluation preparation, part 2 (src/lib/server/projects, src/lib/server/company-opinion):
 * - portfolio_experience.kind: « expérience » (VAE) or « projet » (the projects report of a
 *   candidate in training). A project IS a portfolio experience: its links, reviews, comments
 *   (and the attachments of VAE part 2) apply to it unchanged;
 * - portfolio_project: what a project adds to an experience (objective, figures, the
 *   documents it lists), one row per project experience;
 * - company_opinion_invitation: the tutor's single-use link, stored only as the SHA-256 of
 *   its token, valid until expires_at, revocable, closed once signed;
 * - company_opinion: the tutor's opinion on one invitation (the primary key makes it one per
 *   invitation), a draft until signed_at is set;
 * - company_opinion_entry: the opinion per competence (favorable / réservé / défavorable and
 *   a comment), which a draft may leave empty.
 * Everything belongs to the candidate (cascade): the tutor has no account.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('portfolio_experience')
		.addColumn('kind', 'text', (col) => col.notNull().defaultTo('expérience').check(sql`kind in ('expérience', 'projet')`))
		.execute();

	await db.schema
		.createTable('portfolio_project')
		.addColumn('experience_id', 'uuid', (col) => col.primaryKey().references('portfolio_experience.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('objective', 'text', (col) => col.notNull())
		.addColumn('figures', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('documents', 'text', (col) => col.notNull().defaultTo(''))
		.execute();

	await db.schema
		.createTable('company_opinion_invitation')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('certification_id', 'text', (col) => col.notNull())
		.addColumn('tutor_email', 'text', (col) => col.notNull())
		.addColumn('tutor_name', 'text', (col) => col.notNull())
		// SHA-256 of the token, hex: the link itself is never stored (only in outbox.secret until sent).
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull())
		.addColumn('expires_at', 'timestamptz', (col) => col.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('signed_at', 'timestamptz')
		.addCheckConstraint('company_opinion_invitation_closed_once', sql`revoked_at is null or signed_at is null`)
		.execute();
	await db.schema.createIndex('company_opinion_invitation_user_idx').on('company_opinion_invitation').columns(['user_id', 'certification_id', 'created_at']).execute();

	await db.schema
		.createTable('company_opinion')
		.addColumn('invitation_id', 'uuid', (col) => col.primaryKey().references('company_opinion_invitation.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('signer_name', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('signer_role', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('signer_company', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('signed_on', 'text', (col) => col.check(sql`signed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
		.addColumn('signed_at', 'timestamptz')
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull())
		.addCheckConstraint('company_opinion_signed_whole', sql`signed_at is null or (signed_on is not null and signer_name <> '' and signer_role <> '' and signer_company <> '')`)
		.execute();

	await db.schema
		.createTable('company_opinion_entry')
		.addColumn('invitation_id', 'uuid', (col) => col.notNull().references('company_opinion.invitation_id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('verdict', 'text', (col) => col.check(sql`verdict in ('favorable', 'réservé', 'défavorable')`))
		.addColumn('comment', 'text', (col) => col.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('company_opinion_entry_pk', ['invitation_id', 'competence_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['company_opinion_entry', 'company_opinion', 'company_opinion_invitation', 'portfolio_project']) await db.schema.dropTable(table).execute();
	await db.schema.alterTable('portfolio_experience').dropColumn('kind').execute();
}
