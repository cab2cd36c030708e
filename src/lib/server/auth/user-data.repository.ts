import { sql } from 'kysely';
import type { Executor } from '../db';

export interface UserReference {
	table: string;
	column: string;
	/** information_schema's delete_rule: 'CASCADE', 'SET NULL', 'NO ACTION', … */
	deleteRule: string;
}

/**
 * Every foreign key column of the current schema that points at app_user(id), read from
 * information_schema so tables added by later migrations are found without a code change.
 */
export async function listUserReferences(db: Executor): Promise<UserReference[]> {
	const { rows } = await sql<{ table_name: string; column_name: string; delete_rule: string }>`
		select fk.table_name, fk.column_name, rc.delete_rule
		from information_schema.referential_constraints rc
		join information_schema.key_column_usage fk
			on fk.constraint_schema = rc.constraint_schema and fk.constraint_name = rc.constraint_name
		join information_schema.key_column_usage pk
			on pk.constraint_schema = rc.unique_constraint_schema
			and pk.constraint_name = rc.unique_constraint_name
			and pk.ordinal_position = fk.position_in_unique_constraint
		where pk.table_name = 'app_user' and pk.column_name = 'id' and fk.table_schema = current_schema()
		order by fk.table_name, fk.column_name`.execute(db);
	return rows.map((row) => ({ table: row.table_name, column: row.column_name, deleteRule: row.delete_rule }));
}

/** The rows of a table in which any of the given columns holds the user's id. */
export async function selectRowsReferencingUser(
	db: Executor,
	table: string,
	columns: readonly string[],
	userId: string
): Promise<Record<string, unknown>[]> {
	const matches = sql.join(columns.map((column) => sql`${sql.ref(column)} = ${userId}`), sql` or `);
	const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${matches}`.execute(db);
	return rows;
}
