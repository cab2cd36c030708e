/** The longest label a map cell, a lesson or a feedback line shows for a criterion. */
export const LABEL_MAX = 60;

/**
 * The short name of a criterion, for places where its full official text would not fit (map
 * cells, lessons, feedback, métier pages). The référentiel's own `label` when it has one;
 * else the text itself when short; else its first clause (up to « : », « ; », « , » or « ( »)
 * when that clause says enough; else the text cut at a word, with an ellipsis. Never the id.
 */
export function criterionLabel(text: string, label?: string | null): string {
	const own = label?.trim();
	if (own) return own;
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= LABEL_MAX) return flat;
	const clause = flat.split(/\s*[:;,(]\s*/)[0] ?? '';
	if (clause.length >= 15 && clause.length <= LABEL_MAX) return clause;
	const cut = flat.slice(0, LABEL_MAX - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:.(]+$/, '')}…`;
}
