import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { Catalog } from '../../../src/lib/server/content/types';
import { equivalentsIndex } from '../../../src/lib/server/referentiel/equivalences';
import { seededRandom } from '../../helpers/random';

export { seededRandom };

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

export const pickFrom = <T>(random: () => number, list: readonly T[]): T => {
	if (list.length === 0) throw new Error('liste vide');
	return list[Math.floor(random() * list.length)]!;
};
