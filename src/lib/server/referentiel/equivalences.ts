import type { Equivalence } from '../content/types';

/** For each criterion, the criteria of other certifications declared equivalent to it. */
export function equivalentsIndex(equivalences: Equivalence[]): Map<string, string[]> {
	const index = new Map<string, Set<string>>();
	for (const { criteria } of equivalences) {
		for (const id of criteria) {
			const others = index.get(id) ?? new Set<string>();
			for (const other of criteria) if (other !== id) others.add(other);
			index.set(id, others);
		}
	}
	return new Map([...index].map(([id, others]) => [id, [...others]]));
}
