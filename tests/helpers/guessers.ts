// Simulated candidates who answer without reading: they pick options by where they are shown
// or by how long they are. They play exactly what the pages show (quizItemView, the drawn
// scenario choices), post what a browser would post (tokens), and are graded and folded into
// mastery by the server's own functions.
import type { Catalog, Module, QuizItem, Scenario } from '../../src/lib/server/content/types';
import { visibleLength } from '../../src/lib/server/content/guessability';
import { attemptDraw, type AttemptDraw, type DrawOptions } from '../../src/lib/server/learning/attempt-draw';
import { itemScopes, nodeChoiceScope } from '../../src/lib/server/learning/draw-scopes';
import { gradeResponse, parseResponse } from '../../src/lib/server/learning/grading';
import { quizItemView, type QuizItemView } from '../../src/lib/server/learning/views';
import { masteryOf, SOURCE_WEIGHTS } from '../../src/lib/server/mastery/model';
import { summariesFromLedger, type LedgerRow } from '../../src/lib/server/evidence/fold';
import { seededRandom } from './random';

export type Guesser = 'premier' | 'aléatoire' | 'plus long' | 'plus court' | 'bon candidat';
export const GUESSERS: Guesser[] = ['premier', 'aléatoire', 'plus long', 'plus court'];

/** What a candidate sees of an option: its token and its visible text length. */
interface Shown {
	token: string;
	length: number;
}

const textLength = (html: string) => visibleLength(html.replace(/<[^>]+>/g, ''));

/** The displayed options a guesser picks among, by its rule; `count` of them. */
function pick(guesser: Guesser, shown: Shown[], count: number, random: () => number): Shown[] {
	switch (guesser) {
		case 'premier':
			return shown.slice(0, count);
		case 'plus long':
			return [...shown].sort((a, b) => b.length - a.length).slice(0, count);
		case 'plus court':
			return [...shown].sort((a, b) => a.length - b.length).slice(0, count);
		default: {
			const shuffled = shown.map((option) => ({ option, key: random() })).sort((a, b) => a.key - b.key);
			return shuffled.slice(0, count).map((entry) => entry.option);
		}
	}
}

/** Numbers written in a prompt ("1 250 €", "12,5 %"), as a guesser would copy one. */
function numbersIn(text: string): string[] {
	return text.match(/\d[\d\s\u202f\u00a0]*(?:[.,]\d+)?/g)?.map((value) => value.trim()) ?? [];
}

/** The form a guesser posts for the item shown, built from the view only. */
function guessForm(guesser: Guesser, item: QuizItem, view: QuizItemView, random: () => number): FormData {
	const form = new FormData();
	const shown = view.options.map((option) => ({ token: option.token, length: textLength(option.html) }));
	switch (view.type) {
		case 'single':
			form.append('choice', pick(guesser, shown, 1, random)[0]!.token);
			break;
		case 'multiple': {
			// Not knowing how many are right, a guesser ticks half of them by its rule.
			const count = Math.max(1, Math.ceil(shown.length / 2));
			for (const option of pick(guesser, shown, count, random)) form.append('choice', option.token);
			break;
		}
		case 'numeric': {
			const numbers = numbersIn(item.prompt);
			form.append('value', numbers.length ? numbers[Math.floor(random() * numbers.length)]! : '0');
			break;
		}
		case 'ordering':
			view.options.forEach((option, index) => form.append(`position-${option.token}`, String(index + 1)));
			break;
		case 'matching':
			view.options.forEach((option, index) => form.append(`match-${option.token}`, view.targets[index]!.token));
			break;
	}
	return form;
}

/** The right answer as a form, for the candidate who knows (built from the content). */
function rightForm(item: QuizItem, draw: AttemptDraw): FormData {
	const form = new FormData();
	const scopes = itemScopes(item);
	const scope = scopes.options;
	switch (item.type) {
		case 'single':
		case 'multiple':
			for (const choice of item.choices.filter((c) => c.correct)) form.append('choice', draw.token(scope, choice.id));
			break;
		case 'numeric':
			form.append('value', String(item.answer).replace('.', ','));
			break;
		case 'ordering':
			item.steps.forEach((step, index) => form.append(`position-${draw.token(scope, step.id)}`, String(index + 1)));
			break;
		case 'matching':
			for (const pair of item.pairs) form.append(`match-${draw.token(scopes.left, pair.id)}`, draw.token(scopes.right, pair.id));
			break;
	}
	return form;
}

const totalEffect = (effects: Record<string, number>) => Object.values(effects).reduce((sum, value) => sum + value, 0);

/** Plays a scenario from its start to an ending, choosing among the choices as drawn for the run. */
function playScenario(guesser: Guesser, scenario: Scenario, draw: AttemptDraw, random: () => number, record: (criterionId: string, score: number) => void): void {
	let nodeId = scenario.start;
	for (let step = 0; step < 50; step++) {
		const node = scenario.nodes[nodeId];
		if (!node || 'ending' in node) return;
		const scope = nodeChoiceScope(scenario.id, nodeId);
		const ordered = draw.order(scope, node.choices, (choice) => choice.id);
		const choice =
			guesser === 'bon candidat'
				? [...ordered].sort((a, b) => totalEffect(b.effects) - totalEffect(a.effects))[0]!
				: (() => {
						const shown = ordered.map((c) => ({ token: draw.token(scope, c.id), length: visibleLength(c.text) }));
						const token = pick(guesser, shown, 1, random)[0]!.token;
						return node.choices.find((c) => c.id === draw.resolve(scope, node.choices.map((x) => x.id), token))!;
					})();
		for (const [criterionId, score] of Object.entries(choice.effects)) record(criterionId, score);
		nodeId = choice.next;
	}
}

export interface GuesserResult {
	guesser: Guesser;
	/** Share of the certification's criteria whose status is « acquis ». */
	acquiredShare: number;
	/** Mean estimated mastery over the certification's criteria. */
	meanMastery: number;
}

/**
 * One simulated candidate, enrolled in one certification only, who answers every quiz item of
 * every module once and plays every scenario once to an ending.
 */
export function playCertification(catalog: Catalog, modules: Module[], guesser: Guesser, seed: number, options: DrawOptions = {}): GuesserResult {
	const random = seededRandom(seed * 7919 + guesser.length);
	const now = new Date('2026-12-01T10:00:00Z');
	const evidence: LedgerRow[] = [];
	const record = (source: 'quiz' | 'scenario') => (criterionId: string, score: number) =>
		evidence.push({ id: evidence.length + 1, criterionId, source, kind: 'record', score, weight: SOURCE_WEIGHTS[source], at: now, situation: null, supersedes: null });
	for (const module of modules) {
		const draw = attemptDraw(`${guesser}:${seed}:${module.competenceId}`, options);
		for (const item of module.quiz) {
			const view = quizItemView(item, draw);
			const form = guesser === 'bon candidat' ? rightForm(item, draw) : guessForm(guesser, item, view, random);
			const parsed = parseResponse(item, form, draw);
			// A form the server refuses records nothing: the guesser learns nothing either.
			if (!parsed.ok) continue;
			const score = gradeResponse(item, parsed.response);
			for (const criterionId of item.criteria) record('quiz')(criterionId, score);
		}
		for (const scenario of module.scenarios) {
			playScenario(guesser, scenario, attemptDraw(`${guesser}:${seed}:${scenario.id}`, options), random, record('scenario'));
		}
	}
	const summaries = summariesFromLedger(evidence, catalog.equivalentsOf);
	const criteria = modules.flatMap((module) => catalog.competences.get(module.competenceId)?.criteria ?? []);
	const masteries = criteria.map((criterion) => masteryOf(summaries.get(criterion.id) ?? null, now));
	return {
		guesser,
		acquiredShare: masteries.filter((mastery) => mastery.status === 'acquis').length / criteria.length,
		meanMastery: masteries.reduce((sum, mastery) => sum + mastery.estimate, 0) / criteria.length
	};
}

/** The mean over `seeds` simulated candidates of the same kind. */
export function meanOverSeeds(catalog: Catalog, modules: Module[], guesser: Guesser, seeds: number, options: DrawOptions = {}): GuesserResult {
	const results = Array.from({ length: seeds }, (_, seed) => playCertification(catalog, modules, guesser, seed, options));
	return {
		guesser,
		acquiredShare: results.reduce((sum, r) => sum + r.acquiredShare, 0) / seeds,
		meanMastery: results.reduce((sum, r) => sum + r.meanMastery, 0) / seeds
	};
}

/** A copy of a module whose keys are all listed first: what authored content often looks like. */
export function keysFirst(module: Module): Module {
	const quiz = module.quiz.map((item): QuizItem => {
		if (item.type === 'single' || item.type === 'multiple') {
			return { ...item, choices: [...item.choices].sort((a, b) => Number(b.correct) - Number(a.correct)) };
		}
		return item;
	});
	const scenarios = module.scenarios.map((scenario) => ({
		...scenario,
		nodes: Object.fromEntries(
			Object.entries(scenario.nodes).map(([id, node]) =>
				'ending' in node ? [id, node] : [id, { ...node, choices: [...node.choices].sort((a, b) => totalEffect(b.effects) - totalEffect(a.effects)) }]
			)
		)
	}));
	return { ...module, quiz, scenarios };
}
