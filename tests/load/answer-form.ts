// The form fields a candidate's browser sends for a quiz item, right or deliberately wrong,
// read from the quiz page the way a browser would: options carry opaque per-session tokens.
import type { QuizItem } from '../../src/lib/server/content/types';
import { mdInline } from '../../src/lib/server/learning/views';

export type FormFields = [name: string, value: string][];

/** A number as a French candidate types it ("12,5"), so the server's French parser is exercised. */
const typed = (value: number) => String(value).replace('.', ',');

// Svelte's server rendering wraps {@html} in hydration comments.
const stripComments = (html: string) => html.replace(/<!--[\s\S]*?-->|<!>/g, '').trim();

/** Token → HTML of every element matching `pattern` (token in group 1, HTML in group 2). */
function tokensByHtml(page: string, pattern: RegExp): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of page.matchAll(pattern)) found.set(stripComments(match[2]!), match[1]!);
	return found;
}

function tokenOf(found: Map<string, string>, markdown: string): string {
	const token = found.get(mdInline(markdown).trim());
	if (!token) throw new Error(`option absente de la page : ${markdown.slice(0, 60)}`);
	return token;
}

/**
 * The answer fields of the quiz form for `item`, read from the page's HTML (the names
 * QuizQuestion.svelte renders). `right` asks for the correct answer; otherwise a wrong one,
 * when the item allows one. Returns the item's token, the fields and whether they are right.
 */
export function answerFields(item: QuizItem, right: boolean, page: string): { itemToken: string; fields: FormFields; right: boolean } {
	const itemToken = /name="item" value="(t[\w-]{12})"/.exec(page)?.[1] ?? '';
	const options = tokensByHtml(page, /value="(t[\w-]{12})"[^>]*\/?>\s*<span>([\s\S]*?)<\/span>\s*<\/label>/g);
	const labels = tokensByHtml(page, /<label for="(?:position|match)-(t[\w-]{12})"[^>]*>([\s\S]*?)<\/label>/g);
	const targets = tokensByHtml(page, /<option value="(t[\w-]{12})"[^>]*>([\s\S]*?)<\/option>/g);
	const answer = (fields: FormFields, isRight: boolean) => ({ itemToken, fields, right: isRight });
	switch (item.type) {
		case 'single': {
			const wrong = item.choices.find((choice) => !choice.correct);
			const pick = right || !wrong ? item.choices.find((choice) => choice.correct)! : wrong;
			return answer([['choice', tokenOf(options, pick.text)]], right || !wrong);
		}
		case 'multiple': {
			const wrong = item.choices.filter((choice) => !choice.correct);
			const picks = right || wrong.length === 0 ? item.choices.filter((choice) => choice.correct) : wrong;
			return answer(picks.map((choice) => ['choice', tokenOf(options, choice.text)]), right || wrong.length === 0);
		}
		case 'numeric':
			return answer([['value', typed(right ? item.answer : item.answer + item.tolerance + 1)]], right);
		case 'ordering': {
			// Reversed order: no two adjacent steps in the right order, score 0.
			const count = item.steps.length;
			return answer(item.steps.map((step, index) => [`position-${tokenOf(labels, step.text)}`, String(right ? index + 1 : count - index)]), right);
		}
		case 'matching': {
			// Shifting partners by one mismatches every pair.
			return answer(
				item.pairs.map((pair, index) => {
					const partner = right ? pair : item.pairs[(index + 1) % item.pairs.length]!;
					return [`match-${tokenOf(labels, pair.left)}`, tokenOf(targets, partner.right)];
				}),
				right
			);
		}
	}
}
