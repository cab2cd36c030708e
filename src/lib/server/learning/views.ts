import type { Criterion, QuizItem, Scenario } from '../content/types';
import { averageEffects, claimOf, type DebriefClaim } from '../content/debrief-claims';
import { renderInlineMarkdown, renderMarkdown } from '../content/markdown';
import type { AttemptDraw } from './attempt-draw';
import { itemScopes, QUIZ_ITEM_SCOPE } from './draw-scopes';
import type { QuizResponse } from './grading';
import { formatFrenchNumber } from './numbers';

// Content is finite and read-only, so rendered fragments are kept for the life of the process.
const blockCache = new Map<string, string>();
const inlineCache = new Map<string, string>();
export const md = (text: string) => blockCache.get(text) ?? blockCache.set(text, renderMarkdown(text)).get(text)!;
export const mdInline = (text: string) => inlineCache.get(text) ?? inlineCache.set(text, renderInlineMarkdown(text)).get(text)!;

export interface QuizItemView {
	/** The item's token in this session: what the form posts back instead of its id. */
	token: string;
	type: QuizItem['type'];
	promptHtml: string;
	unit: string;
	/** Options, ordering steps or matching left elements, in the order drawn for this session. */
	options: { token: string; html: string }[];
	/** Matching: the partners each left element can be matched with, in their own drawn order. */
	targets: { token: string; html: string }[];
}

/**
 * What the browser may know of an item before it is answered: the prompt and the options in
 * the order drawn for this session, each behind an opaque token; never which answer is right,
 * the expected number, the feedback or a content id.
 */
export function quizItemView(item: QuizItem, draw: AttemptDraw): QuizItemView {
	const scopes = itemScopes(item);
	const base = { token: draw.token(QUIZ_ITEM_SCOPE, item.id), type: item.type, promptHtml: md(item.prompt), unit: '', options: [], targets: [] };
	switch (item.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				options: draw.order(scopes.options, item.choices, (choice) => choice.id).map((choice) => ({ token: draw.token(scopes.options, choice.id), html: mdInline(choice.text) }))
			};
		case 'numeric':
			return { ...base, unit: item.unit };
		case 'ordering':
			return {
				...base,
				options: draw.order(scopes.options, item.steps, (step) => step.id).map((step) => ({ token: draw.token(scopes.options, step.id), html: mdInline(step.text) }))
			};
		case 'matching':
			return {
				...base,
				options: draw.order(scopes.left, item.pairs, (pair) => pair.id).map((pair) => ({ token: draw.token(scopes.left, pair.id), html: mdInline(pair.left) })),
				targets: draw.order(scopes.right, item.pairs, (pair) => pair.id).map((pair) => ({ token: draw.token(scopes.right, pair.id), html: mdInline(pair.right) }))
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

export interface EndingView {
	title: string;
	outcome: 'réussite' | 'partielle' | 'échec';
	textHtml: string;
	/** Mean effect of every choice made on the path, in [0, 1]: the score of this run's decisions. */
	score: number | null;
	debrief: { criterionId: string; criterion: string; claim: DebriefClaim; played: boolean; html: string }[];
}

type Ending = Extract<Scenario['nodes'][string], { ending: unknown }>['ending'];

/**
 * The ending page of a run: per criterion, the claim the choices actually made support
 * (réussi, partiel, manqué) and the debrief text written for that claim, so the badge and the
 * words always agree with the path taken.
 */
export function endingDebrief(ending: Ending, path: ScenarioStepView[], criteria: Map<string, Criterion>): EndingView {
	const averages = averageEffects(path.map((step) => ({ effects: Object.fromEntries(step.effects.map((e) => [e.criterionId, e.score])) })));
	const all = path.flatMap((step) => step.effects.map((effect) => effect.score));
	const ids = [...new Set([...Object.keys(ending.debrief), ...averages.keys()])];
	return {
		title: ending.title,
		outcome: ending.outcome,
		textHtml: md(ending.text),
		score: all.length ? all.reduce((sum, value) => sum + value, 0) / all.length : null,
		debrief: ids.map((criterionId) => {
			const claim = claimOf(averages.get(criterionId) ?? null);
			const line = ending.debrief[criterionId];
			// A bare text (refused by the content check) is shown as written rather than lost.
			const text = typeof line === 'string' ? line : line?.[claim];
			return { criterionId, criterion: criteria.get(criterionId)?.text ?? criterionId, claim, played: averages.has(criterionId), html: text ? md(text) : '' };
		})
	};
}
