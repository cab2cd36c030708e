import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { OpenDatabase } from './open-database';

export type { Database } from './schema';
/** What repositories take: the database itself or a transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;

let current: OpenDatabase | null = null;

/** Installs the process-wide database (called once by the server's init hook). */
export function setDatabase(open: OpenDatabase): void {
	current = open;
}

/** The process-wide database. Tests pass their own database to repositories instead. */
export function getDb(): Kysely<Database> {
	if (!current) throw new Error('La base de données n’est pas encore ouverte.');
	return current.db;
}

export function getDatabaseEngine(): OpenDatabase['engine'] | null {
	return current?.engine ?? null;
}

/** Closes the process-wide database; safe to call twice. */
export async function closeDatabase(): Promise<void> {
	const open = current;
	current = null;
	await open?.close();
}
