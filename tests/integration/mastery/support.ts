import type { Kysely } from 'kysely';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { Catalog } from '../../../src/lib/server/content/types';
import type { Database } from '../../../src/lib/server/db/schema';
import { equivalentsIndex } from '../../../src/lib/server/referentiel/equivalences';

let catalog: Catalog | null = null;

/** The real catalog, read from content/ once per test file. */
export function realCatalog(): Catalog {
	catalog ??= loadCatalog(readContentFiles('content')).catalog;
	return catalog;
}

/** The catalog's equivalences, plus extra pairs so a test exercises that path even before any is published. */
export function equivalentsWith(extra: [string, string][]): (criterionId: string) => string[] {
	const index = equivalentsIndex([...realCatalog().equivalences, ...extra.map(([a, b]) => ({ criteria: [a, b], why: 'test' }))]);
	return (criterionId) => index.get(criterionId) ?? [];
}

export async function createCandidate(db: Kysely<Database>, email: string): Promise<string> {
	const row = await db
		.insertInto('app_user')
		.values({ email, display_name: email.split('@')[0]!, password_hash: 'not-a-password-hash' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A small seeded generator (mulberry32): a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export const pickFrom = <T>(random: () => number, list: readonly T[]): T => {
	if (list.length === 0) throw new Error('liste vide');
	return list[Math.floor(random() * list.length)]!;
};
