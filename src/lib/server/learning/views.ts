import { createHash } from 'node:crypto';
import type { Criterion, QuizItem, Scenario } from '../content/types';
import { renderInlineMarkdown, renderMarkdown } from '../content/markdown';
import type { QuizResponse } from './grading';
import { formatFrenchNumber } from './numbers';

// Content is finite and read-only, so rendered fragments are kept for the life of the process.
const blockCache = new Map<string, string>();
const inlineCache = new Map<string, string>();
export const md = (text: string) => blockCache.get(text) ?? blockCache.set(text, renderMarkdown(text)).get(text)!;
export const mdInline = (text: string) => inlineCache.get(text) ?? inlineCache.set(text, renderInlineMarkdown(text)).get(text)!;

/** A stable shuffle: the same seed always gives the same order, so a reload shows the same item. */
export function stableShuffle<T extends { id: string }>(values: T[], seed: string): T[] {
	const key = (value: T) => createHash('sha256').update(`${seed}:${value.id}`).digest('hex');
	return [...values].sort((a, b) => key(a).localeCompare(key(b)));
}

export interface QuizItemView {
	id: string;
	type: QuizItem['type'];
	promptHtml: string;
	unit: string;
	options: { id: string; html: string }[];
	/** Matching: what each left element is matched with. */
	targets: { id: string; html: string }[];
}

/**
 * What the browser may know of an item before it is answered: the prompt and the options in
 * a shuffled order, never which answer is right, the expected number or the feedback.
 */
export function quizItemView(item: QuizItem, seed: string): QuizItemView {
	const base = { id: item.id, type: item.type, promptHtml: md(item.prompt), unit: '', options: [], targets: [] };
	switch (item.type) {
		case 'single':
		case 'multiple':
			return { ...base, options: item.choices.map((choice) => ({ id: choice.id, html: mdInline(choice.text) })) };
		case 'numeric':
			return { ...base, unit: item.unit };
		case 'ordering':
			return { ...base, options: stableShuffle(item.steps, seed).map((step) => ({ id: step.id, html: mdInline(step.text) })) };
		case 'matching':
			return {
				...base,
				options: item.pairs.map((pair) => ({ id: pair.id, html: mdInline(pair.left) })),
				targets: stableShuffle(item.pairs, `${seed}:droite`).map((pair) => ({ id: pair.id, html: mdInline(pair.right) }))
			};
	}
}

export interface FeedbackLine {
	html: string;
	/** Whether this part of the answer was right; null for neutral information. */
	right: boolean | null;
	detailHtml?: string;
}

export interface AnswerFeedback {
	itemId: string;
	verdict: 'correct' | 'partial' | 'incorrect';
	title: string;
	score: number;
	promptHtml: string;
	/** What the candidate answered, part by part. */
	given: FeedbackLine[];
	/** The right answer, spelt out. */
	expected: FeedbackLine[];
	messageHtml: string;
	explanationHtml: string | null;
	criteria: { id: string; text: string }[];
}

function verdictOf(score: number): AnswerFeedback['verdict'] {
	return score >= 0.999 ? 'correct' : score > 0 ? 'partial' : 'incorrect';
}

const TITLES = { correct: 'Bonne réponse', partial: 'Réponse en partie juste', incorrect: 'Réponse incorrecte' } as const;

/** The correction shown after an answer: verdict, what was right or wrong, why, and the criteria at stake. */
export function answerFeedback(item: QuizItem, response: QuizResponse, score: number, criteria: Map<string, Criterion>): AnswerFeedback {
	const verdict = verdictOf(score);
	const given: FeedbackLine[] = [];
	const expected: FeedbackLine[] = [];
	let message = '';
	switch (item.type) {
		case 'single':
		case 'multiple': {
			const picked = new Set(response.type === 'single' ? [response.choice] : response.type === 'multiple' ? response.choices : []);
			for (const choice of item.choices) {
				if (picked.has(choice.id)) given.push({ html: mdInline(choice.text), right: choice.correct, detailHtml: mdInline(choice.feedback) });
				if (choice.correct) expected.push({ html: mdInline(choice.text), right: true, detailHtml: picked.has(choice.id) ? undefined : mdInline(choice.feedback) });
			}
			break;
		}
		case 'numeric': {
			const value = response.type === 'numeric' ? response.value : NaN;
			const unit = item.unit ? ` ${item.unit}` : '';
			given.push({ html: `${formatFrenchNumber(value)}${unit}`, right: verdict === 'correct' });
			expected.push({ html: `${formatFrenchNumber(item.answer)}${unit}${item.tolerance ? ` (à ${formatFrenchNumber(item.tolerance)} près)` : ''}`, right: true });
			message = verdict === 'correct' ? item.feedback.correct : item.feedback.incorrect;
			break;
		}
		case 'ordering': {
			const order = response.type === 'ordering' ? response.order : [];
			const text = new Map(item.steps.map((step) => [step.id, step.text]));
			order.forEach((id, index) => given.push({ html: `${index + 1}. ${mdInline(text.get(id) ?? id)}`, right: item.steps[index]?.id === id }));
			item.steps.forEach((step, index) => expected.push({ html: `${index + 1}. ${mdInline(step.text)}`, right: true }));
			message = verdict === 'correct' ? item.feedback.correct : item.feedback.incorrect;
			break;
		}
		case 'matching': {
			const matches = response.type === 'matching' ? response.matches : {};
			const right = new Map(item.pairs.map((pair) => [pair.id, pair.right]));
			for (const pair of item.pairs) {
				const chosen = matches[pair.id];
				given.push({ html: `${mdInline(pair.left)} → ${mdInline(right.get(chosen ?? '') ?? '—')}`, right: chosen === pair.id });
				expected.push({ html: `${mdInline(pair.left)} → ${mdInline(pair.right)}`, right: true });
			}
			message = verdict === 'correct' ? item.feedback.correct : item.feedback.incorrect;
			break;
		}
	}
	return {
		itemId: item.id,
		verdict,
		title: verdict === 'partial' ? `${TITLES.partial} (${Math.round(score * 100)} %)` : TITLES[verdict],
		score,
		promptHtml: md(item.prompt),
		given,
		expected,
		messageHtml: message ? md(message) : '',
		explanationHtml: item.explanation ? md(item.explanation) : null,
		criteria: item.criteria.map((id) => ({ id, text: criteria.get(id)?.text ?? id }))
	};
}

export interface ScenarioStepView {
	nodeHtml: string;
	choiceHtml: string;
	feedbackHtml: string;
	effects: { criterionId: string; score: number }[];
}

/** The path a run has taken: each node's text, the choice made and what it meant. */
export function scenarioPath(scenario: Scenario, steps: { nodeId: string; choiceId: string }[]): ScenarioStepView[] {
	return steps.flatMap(({ nodeId, choiceId }) => {
		const node = scenario.nodes[nodeId];
		if (!node || !('choices' in node)) return [];
		const choice = node.choices.find((c) => c.id === choiceId);
		if (!choice) return [];
		return [
			{
				nodeHtml: md(node.text),
				choiceHtml: mdInline(choice.text),
				feedbackHtml: md(choice.feedback),
				effects: Object.entries(choice.effects).map(([criterionId, score]) => ({ criterionId, score }))
			}
		];
	});
}

/** Per criterion, the average score of the choices made on the path: what the debrief sums up. */
export function pathEffects(path: ScenarioStepView[]): Map<string, { total: number; count: number }> {
	const effects = new Map<string, { total: number; count: number }>();
	for (const step of path) {
		for (const { criterionId, score } of step.effects) {
			const current = effects.get(criterionId) ?? { total: 0, count: 0 };
			effects.set(criterionId, { total: current.total + score, count: current.count + 1 });
		}
	}
	return effects;
}
