import { sql, type Kysely } from 'kysely';

/** True when the database answers a trivial query within the time limit. */
export async function isDatabaseReachable(db: Kysely<any>, timeoutMs = 3_000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		const probe = sql`select 1 as ok`.execute(db).then(() => true as const);
		return await Promise.race([probe, timeout]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}
