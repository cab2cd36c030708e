import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** SQLSTATE codes after which the whole transaction can safely run again. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function isRetryableError(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction, running it again from the start when PostgreSQL aborts it
 * for a serialisation failure or a deadlock. `work` must therefore do nothing outside the
 * database that cannot be repeated.
 */
export async function withTransaction<T>(
	db: Kysely<Database>,
	work: (tx: Transaction<Database>) => Promise<T>,
	{ attempts = 5 }: { attempts?: number } = {}
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute(work);
		} catch (error) {
			if (attempt >= attempts || !isRetryableError(error)) throw error;
			// Back off a little, with jitter, so the transactions that collided do not collide again.
			await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
		}
	}
}
