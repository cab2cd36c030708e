import { createHmac, randomBytes } from 'node:crypto';

/**
 * What one attempt (a quiz session or a scenario run) shows of the content: the order of
 * options, steps, partners and choices, and the opaque token each of them carries in the
 * page. Both derive from a secret seed stored with the attempt, so they are stable across
 * reloads, the back button, two tabs and pages without JavaScript, yet independent from one
 * attempt to the next and from one item to the next. The page never sees a content id: a
 * token says nothing about the option it stands for, and the server maps it back.
 */
export interface AttemptDraw {
	/** The opaque token of a content id within a scope (an item, a node, one side of a matching). */
	token(scope: string, id: string): string;
	/** The values in the order drawn for this scope. */
	order<T>(scope: string, values: readonly T[], idOf: (value: T) => string): T[];
	/** The content id behind a token, among the ids of the scope; null if none matches. */
	resolve(scope: string, ids: readonly string[], token: string): string | null;
}

export interface DrawOptions {
	/**
	 * false keeps the authored order (tokens stay opaque). Only tests switch it off, to prove
	 * that a candidate who picks the first option would look ready without the draw.
	 */
	shuffle?: boolean;
}

/** A fresh secret seed for a new attempt: 256 bits, never sent to the browser. */
export function newDrawSeed(): string {
	return randomBytes(32).toString('base64url');
}

export function attemptDraw(seed: string, options: DrawOptions = {}): AttemptDraw {
	const shuffle = options.shuffle ?? true;
	const mac = (purpose: string, scope: string, id: string) => createHmac('sha256', seed).update(`${purpose}\u0000${scope}\u0000${id}`).digest('base64url');
	// 12 base64url characters are 72 bits: no collision within a scope of a few options.
	const token = (scope: string, id: string) => `t${mac('token', scope, id).slice(0, 12)}`;
	return {
		token,
		order(scope, values, idOf) {
			if (!shuffle) return [...values];
			const keyed = values.map((value) => ({ value, key: mac('order', scope, idOf(value)) }));
			keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
			return keyed.map((entry) => entry.value);
		},
		resolve(scope, ids, candidate) {
			return ids.find((id) => token(scope, id) === candidate) ?? null;
		}
	};
}
