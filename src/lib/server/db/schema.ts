import type { ColumnType, Generated } from 'kysely';

/**
 * The one hand-written description of the database. Each domain adds its tables here,
 * next to the migration that creates them.
 */
/** A timestamptz the application always provides. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz with a database default (now()): optional on insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	display_name: string;
	password_hash: string;
	role: Generated<'candidate' | 'trainer' | 'admin'>;
	created_at: GeneratedTimestamp;
}

export interface UserSessionTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: GeneratedTimestamp;
}

export interface Database {
	app_user: AppUserTable;
	user_session: UserSessionTable;
}
