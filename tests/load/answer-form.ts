// The form fields a candidate's browser sends for a quiz item, right or deliberately wrong.
import type { QuizItem } from '../../src/lib/server/content/types';

export type FormFields = [name: string, value: string][];

/** A number as a French candidate types it ("12,5"), so the server's French parser is exercised. */
const typed = (value: number) => String(value).replace('.', ',');

/**
 * The answer fields of the quiz form for `item` (the names QuizQuestion.svelte renders).
 * `right` asks for the correct answer; otherwise a wrong one, when the item allows one.
 * Returns the fields and whether they are the correct answer.
 */
export function answerFields(item: QuizItem, right: boolean): { fields: FormFields; right: boolean } {
	switch (item.type) {
		case 'single': {
			const wrong = item.choices.find((choice) => !choice.correct);
			const pick = right || !wrong ? item.choices.find((choice) => choice.correct) : wrong;
			return { fields: [['choice', pick?.id ?? '']], right: right || !wrong };
		}
		case 'multiple': {
			const wrong = item.choices.filter((choice) => !choice.correct);
			const picks = right || wrong.length === 0 ? item.choices.filter((choice) => choice.correct) : wrong;
			return { fields: picks.map((choice) => ['choice', choice.id]), right: right || wrong.length === 0 };
		}
		case 'numeric':
			return { fields: [['value', typed(right ? item.answer : item.answer + item.tolerance + 1)]], right };
		case 'ordering': {
			// Reversed order: no two adjacent steps in the right order, score 0.
			const count = item.steps.length;
			return { fields: item.steps.map((step, index) => [`position-${step.id}`, String(right ? index + 1 : count - index)]), right };
		}
		case 'matching': {
			// The right side of a pair carries the pair's id; shifting by one mismatches every pair.
			const ids = item.pairs.map((pair) => pair.id);
			return { fields: ids.map((id, index) => [`match-${id}`, right ? id : ids[(index + 1) % ids.length]!]), right };
		}
	}
}
