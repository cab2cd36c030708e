/**
 * Long texts that are never overwritten silently: every save names the version it started
 * from; a save from a stale version is a conflict that carries the text saved meanwhile, so
 * the page can show both and let its author keep one or merge. Pure: the decision alone (the
 * repository applies it under a row lock).
 */

export interface StoredText {
	body: string;
	version: number;
}

export type SaveDecision = { kind: 'save'; version: number } | { kind: 'unchanged'; version: number } | { kind: 'conflict'; theirs: StoredText };

/**
 * `current` is the stored text (null: never saved, version 0); `baseVersion` the version the
 * editor started from, `baseBody` (optional) the text it started from. Saving the same text
 * again is not a conflict, even from a stale tab.
 */
export function decideSave(current: StoredText | null, baseVersion: number, body: string, baseBody?: string): SaveDecision {
	const version = current?.version ?? 0;
	if (current && current.body === body) return { kind: 'unchanged', version };
	// A version shared by several fields (an experience's) moves when another field is saved:
	// when the editor says what text it started from and this one is unchanged, it is no conflict.
	const untouched = baseBody !== undefined && (current?.body ?? '') === baseBody;
	if (baseVersion !== version && !untouched) return { kind: 'conflict', theirs: current ?? { body: '', version: 0 } };
	return { kind: 'save', version: version + 1 };
}

/** A starting point for a merge: both texts, each under a heading the author removes. */
export function mergeDraft(mine: string, theirs: string): string {
	return `${theirs.trimEnd()}\n\n— Ma version (dans cet onglet) —\n${mine.trim()}`;
}

/** Reads the version field of a form or a JSON body: a non-negative integer, or null. */
export function parseVersion(value: unknown): number | null {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
	return Number.isInteger(n) && n >= 0 ? n : null;
}
