import { sql, type Kysely } from 'kysely';

/**
 * VAE, part 2 (src/lib/server/portfolio/attachments*, versioned-text*, src/lib/server/vae/feasibility*):
 * - portfolio_attachment: a proof document (PDF, PNG, JPEG) of a portfolio experience, its bytes
 *   in the database so several instances on one PostgreSQL share them and the account's
 *   export and deletion cover them (ON DELETE CASCADE from the experience and the user);
 * - versioned_text: a long text an owner edits with autosave, with a version number that makes
 *   a save from a stale tab a conflict instead of a silent overwrite (keyed by owner, scope and
 *   key: « vae-bloc » + the unit id for a feasibility block comment);
 * - vae_feasibility: the applicant's Oui / Non / Partiellement per competence of the
 *   feasibility file, once they confirm or change the pre-filled state.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('portfolio_attachment')
		.addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('experience_id', 'uuid', (col) => col.notNull().references('portfolio_experience.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (col) => col.notNull())
		.addColumn('media_type', 'text', (col) => col.notNull().check(sql`media_type in ('application/pdf', 'image/png', 'image/jpeg')`))
		.addColumn('size_bytes', 'integer', (col) => col.notNull().check(sql`size_bytes > 0`))
		.addColumn('content', 'bytea', (col) => col.notNull())
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('portfolio_attachment_experience_idx').on('portfolio_attachment').columns(['experience_id', 'created_at']).execute();
	await db.schema.createIndex('portfolio_attachment_user_idx').on('portfolio_attachment').columns(['user_id']).execute();

	await db.schema
		.createTable('versioned_text')
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('scope', 'text', (col) => col.notNull())
		.addColumn('key', 'text', (col) => col.notNull())
		.addColumn('body', 'text', (col) => col.notNull())
		.addColumn('version', 'integer', (col) => col.notNull().check(sql`version > 0`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('versioned_text_pk', ['user_id', 'scope', 'key'])
		.execute();

	await db.schema
		.createTable('vae_feasibility')
		.addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('competence_id', 'text', (col) => col.notNull())
		.addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('oui', 'partiellement', 'non')`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('vae_feasibility_pk', ['user_id', 'competence_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['vae_feasibility', 'versioned_text', 'portfolio_attachment']) await db.schema.dropTable(table).execute();
}
