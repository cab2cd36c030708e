/**
 * The « préparation » standing of a certification: how many of the preparation quiz's rules the
 * candidate answered right the last time each was asked. Kept apart from the progress map, which
 * only speaks of the référentiel's criteria.
 */
export interface PreparationStanding {
	certificationId: string;
	total: number;
	answered: number;
	right: number;
	status: 'pas commencé' | 'en cours' | 'règles connues';
	lastAnsweredAt: Date | null;
}

/** A right answer is a full score: the rules are either known or not yet. */
const RIGHT = 0.999;

export function standingOf(certificationId: string, itemIds: readonly string[], latest: readonly { itemId: string; score: number; at: Date }[]): PreparationStanding {
	const ids = new Set(itemIds);
	const mine = latest.filter((answer) => ids.has(answer.itemId));
	const right = mine.filter((answer) => answer.score >= RIGHT).length;
	const last = mine.reduce<Date | null>((max, answer) => (!max || answer.at > max ? answer.at : max), null);
	const status = mine.length === 0 ? 'pas commencé' : right === itemIds.length ? 'règles connues' : 'en cours';
	return { certificationId, total: itemIds.length, answered: mine.length, right, status, lastAnsweredAt: last };
}
