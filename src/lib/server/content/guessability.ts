import type { Module, QuizItem, Scenario } from './types';

/**
 * How far a candidate could get by picking options on their looks rather than on their
 * meaning. Once the order is drawn on the server, length is the remaining tell: a key that is
 * always the longest (the most explained, the most hedged) option is found without knowing
 * anything. Texts are compared after collapsing whitespace; ties count as half.
 */
export interface Guessability {
	/** Single-choice items measured. */
	singleItems: number;
	/** Share of single-choice items whose key is strictly the longest option. */
	singleLongest: number;
	/** Share of single-choice items whose key is strictly the shortest option. */
	singleShortest: number;
	/** (correct, distractor) pairs of multiple-choice items measured. */
	multiplePairs: number;
	/** Probability that a correct option is longer than a distractor, over all such pairs. */
	multipleLonger: number;
	/** Scenario decision nodes measured (nodes with at least two choices). */
	scenarioNodes: number;
	/** Share of nodes whose best choice (highest total effect) is strictly the longest. */
	scenarioLongest: number;
	/** Share of nodes whose best choice is strictly the shortest. */
	scenarioShortest: number;
}

/** The length a reader perceives: characters once whitespace is collapsed. */
export function visibleLength(text: string): number {
	return text.replace(/\s+/g, ' ').trim().length;
}

/**
 * 1 if `key` is strictly longer (or shorter) than every other option, 1/k if it shares the
 * extreme with k - 1 others, 0 otherwise: "ties counted as half" generalised to k-way ties.
 */
function extremeShare(key: number, others: number[], direction: 'longest' | 'shortest'): number {
	const beats = (a: number, b: number) => (direction === 'longest' ? a > b : a < b);
	if (others.some((other) => beats(other, key))) return 0;
	const tied = others.filter((other) => other === key).length;
	return 1 / (tied + 1);
}

interface Tally {
	count: number;
	sum: number;
}
const ratio = (tally: Tally) => (tally.count === 0 ? 0 : tally.sum / tally.count);

/** The effect a choice has in total: what "best choice" means for a scenario node. */
export function totalEffect(choice: { effects: Record<string, number> }): number {
	return Object.values(choice.effects).reduce((sum, value) => sum + value, 0);
}

/** The nodes' best choices: highest total effect; several when they share it. */
export function bestChoices<T extends { effects: Record<string, number> }>(choices: T[]): T[] {
	const best = Math.max(...choices.map(totalEffect));
	return choices.filter((choice) => Math.abs(totalEffect(choice) - best) < 1e-9);
}

function measureItems(items: QuizItem[], single: { longest: Tally; shortest: Tally }, multiple: Tally): void {
	for (const item of items) {
		if (item.type === 'single') {
			const key = item.choices.find((choice) => choice.correct);
			if (!key) continue;
			const others = item.choices.filter((choice) => choice !== key).map((choice) => visibleLength(choice.text));
			single.longest.count++;
			single.shortest.count++;
			single.longest.sum += extremeShare(visibleLength(key.text), others, 'longest');
			single.shortest.sum += extremeShare(visibleLength(key.text), others, 'shortest');
		} else if (item.type === 'multiple') {
			const correct = item.choices.filter((choice) => choice.correct).map((choice) => visibleLength(choice.text));
			const wrong = item.choices.filter((choice) => !choice.correct).map((choice) => visibleLength(choice.text));
			for (const right of correct) {
				for (const distractor of wrong) {
					multiple.count++;
					multiple.sum += right > distractor ? 1 : right === distractor ? 0.5 : 0;
				}
			}
		}
	}
}

function measureScenarios(scenarios: Scenario[], longest: Tally, shortest: Tally): void {
	for (const scenario of scenarios) {
		for (const node of Object.values(scenario.nodes)) {
			if ('ending' in node || node.choices.length < 2) continue;
			const best = bestChoices(node.choices);
			// Several best choices share the credit, as ties do.
			const share = (direction: 'longest' | 'shortest') =>
				best.reduce((sum, choice) => {
					const others = node.choices.filter((other) => other !== choice).map((other) => visibleLength(other.text));
					return sum + extremeShare(visibleLength(choice.text), others, direction);
				}, 0);
			longest.count++;
			shortest.count++;
			longest.sum += share('longest');
			shortest.sum += share('shortest');
		}
	}
}

/** The guessability figures of a set of modules (one module, or a whole certification). */
export function measureGuessability(modules: Module[]): Guessability {
	const single = { longest: { count: 0, sum: 0 }, shortest: { count: 0, sum: 0 } };
	const multiple = { count: 0, sum: 0 };
	const scenario = { longest: { count: 0, sum: 0 }, shortest: { count: 0, sum: 0 } };
	for (const module of modules) {
		measureItems(module.quiz, single, multiple);
		measureScenarios(module.scenarios, scenario.longest, scenario.shortest);
	}
	return {
		singleItems: single.longest.count,
		singleLongest: ratio(single.longest),
		singleShortest: ratio(single.shortest),
		multiplePairs: multiple.count,
		multipleLonger: ratio(multiple),
		scenarioNodes: scenario.longest.count,
		scenarioLongest: ratio(scenario.longest),
		scenarioShortest: ratio(scenario.shortest)
	};
}

export interface GuessabilityReport {
	certifications: Record<string, Guessability>;
	modules: Record<string, Guessability>;
}

/** Figures per certification and per module (keyed by competence id). */
export function guessabilityReport(modules: Module[]): GuessabilityReport {
	const byCertification = new Map<string, Module[]>();
	for (const module of modules) byCertification.set(module.certificationId, [...(byCertification.get(module.certificationId) ?? []), module]);
	return {
		certifications: Object.fromEntries([...byCertification].map(([id, list]) => [id, measureGuessability(list)])),
		modules: Object.fromEntries(modules.map((module) => [module.competenceId, measureGuessability([module])]))
	};
}
