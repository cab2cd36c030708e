import type { QuizItem } from '../content/types';

export const ADAPTIVE_QUIZ_SIZE = 6;
const RECENT_MS = 3 * 86_400_000;

export interface DrawContext {
	/** Mastery estimate per criterion id; criteria never assessed are absent. */
	mastery: Map<string, number>;
	/** When each item was last answered by this candidate. */
	lastSeen: Map<string, Date>;
	now: Date;
	/** A number in [0, 1); injected so tests are reproducible. */
	random: () => number;
}

/**
 * Draws the items of an adaptive quiz: items on the criteria where the candidate is weakest
 * (never assessed counts as weak) and not answered recently come first; a little randomness
 * varies sessions; at most one item per criterion set until every criterion had its turn.
 */
export function drawAdaptiveQuiz(items: QuizItem[], context: DrawContext, size = ADAPTIVE_QUIZ_SIZE): string[] {
	const scored = items.map((item) => {
		const weakness =
			item.criteria.reduce((sum, id) => sum + (1 - (context.mastery.get(id) ?? 0.3)), 0) / item.criteria.length;
		const seen = context.lastSeen.get(item.id);
		const freshness = !seen ? 1 : context.now.getTime() - seen.getTime() < RECENT_MS ? 0 : 0.6;
		return { item, priority: weakness * 2 + freshness + context.random() * 0.5 };
	});
	scored.sort((a, b) => b.priority - a.priority);
	const chosen: QuizItem[] = [];
	const coveredCriteria = new Set<string>();
	for (const { item } of scored) {
		if (chosen.length >= size) break;
		if (item.criteria.every((id) => coveredCriteria.has(id))) continue;
		chosen.push(item);
		for (const id of item.criteria) coveredCriteria.add(id);
	}
	for (const { item } of scored) {
		if (chosen.length >= size) break;
		if (!chosen.includes(item)) chosen.push(item);
	}
	return chosen.map((item) => item.id);
}

/** A full replay: every item of the module, in authored order. */
export function fullQuiz(items: QuizItem[]): string[] {
	return items.map((item) => item.id);
}
