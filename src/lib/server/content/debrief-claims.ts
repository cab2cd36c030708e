import type { ContentProblem, Scenario } from './types';

/**
 * What an ending's debrief says of one criterion. The page shows the line whose claim matches
 * the choices the candidate actually made, so a debrief can never call a path that missed a
 * criterion a success, nor the reverse.
 */
export type DebriefClaim = 'réussi' | 'partiel' | 'manqué';
export const DEBRIEF_CLAIMS: readonly DebriefClaim[] = ['réussi', 'partiel', 'manqué'];

/**
 * The claim that an average effect on a criterion supports: réussi from 0.75, manqué up to
 * 0.25 or when the path never played the criterion, partiel in between. The bands match the
 * badges of the ending page (« décisions solides / à affiner / à revoir »).
 */
export function claimOf(average: number | null): DebriefClaim {
	if (average === null || average <= 0.25 + 1e-9) return 'manqué';
	if (average >= 0.75 - 1e-9) return 'réussi';
	return 'partiel';
}

export interface PathStep {
	nodeId: string;
	choiceId: string;
	effects: Record<string, number>;
}

export interface ScenarioPath {
	ending: string;
	steps: PathStep[];
}

/** Every path from the start to an ending (scenarios are acyclic; the graph check says so). */
export function enumeratePaths(scenario: Scenario, limit = 20_000): ScenarioPath[] {
	const paths: ScenarioPath[] = [];
	const walk = (nodeId: string, steps: PathStep[], seen: Set<string>) => {
		if (paths.length >= limit || seen.has(nodeId)) return;
		const node = scenario.nodes[nodeId];
		if (!node) return;
		if ('ending' in node) {
			paths.push({ ending: nodeId, steps });
			return;
		}
		const next = new Set(seen).add(nodeId);
		for (const choice of node.choices) walk(choice.next, [...steps, { nodeId, choiceId: choice.id, effects: choice.effects }], next);
	};
	walk(scenario.start, [], new Set());
	return paths;
}

/** Per criterion, the average effect of the path's choices on it: what the debrief sums up. */
export function averageEffects(steps: { effects: Record<string, number> }[]): Map<string, number> {
	const sums = new Map<string, { total: number; count: number }>();
	for (const step of steps) {
		for (const [criterionId, score] of Object.entries(step.effects)) {
			const current = sums.get(criterionId) ?? { total: 0, count: 0 };
			sums.set(criterionId, { total: current.total + score, count: current.count + 1 });
		}
	}
	return new Map([...sums].map(([id, { total, count }]) => [id, total / count]));
}

const describePath = (path: ScenarioPath) => path.steps.map((step) => `${step.nodeId}.${step.choiceId}`).join(' → ');

/**
 * Every debrief line must have a text for each claim that some path reaching its ending
 * supports; a claim written for an ending that no path supports is reported too, since it
 * would never be read and hides a mistake in the effects.
 */
export function checkDebriefClaims(scenario: Scenario): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const reached = new Map<string, Map<string, Map<DebriefClaim, ScenarioPath>>>();
	for (const path of enumeratePaths(scenario)) {
		const node = scenario.nodes[path.ending];
		if (!node || !('ending' in node)) continue;
		const averages = averageEffects(path.steps);
		const byCriterion = reached.get(path.ending) ?? new Map<string, Map<DebriefClaim, ScenarioPath>>();
		reached.set(path.ending, byCriterion);
		for (const criterionId of Object.keys(node.ending.debrief)) {
			const claims = byCriterion.get(criterionId) ?? new Map<DebriefClaim, ScenarioPath>();
			byCriterion.set(criterionId, claims);
			const claim = claimOf(averages.get(criterionId) ?? null);
			if (!claims.has(claim)) claims.set(claim, path);
		}
	}
	for (const [nodeId, node] of Object.entries(scenario.nodes)) {
		if (!('ending' in node)) continue;
		for (const [criterionId, line] of Object.entries(node.ending.debrief)) {
			if (typeof line === 'string') {
				problems.push({ file: scenario.file, path: `nodes.${nodeId}.ending.debrief.${criterionId}`, message: 'débriefing sans affirmation : écrivez le texte sous réussi, partiel ou manqué, selon les chemins qui atteignent cette fin' });
				continue;
			}
			const supported = reached.get(nodeId)?.get(criterionId) ?? new Map<DebriefClaim, ScenarioPath>();
			const at = `nodes.${nodeId}.ending.debrief.${criterionId}`;
			for (const [claim, path] of supported) {
				if (!line[claim]) {
					problems.push({ file: scenario.file, path: at, message: `le chemin ${describePath(path)} atteint cette fin avec « ${claim} » sur ce critère, et le débriefing n'a pas de texte « ${claim} »` });
				}
			}
			for (const claim of DEBRIEF_CLAIMS) {
				if (line[claim] && !supported.has(claim)) {
					problems.push({ file: scenario.file, path: `${at}.${claim}`, message: `aucun chemin n'atteint cette fin avec « ${claim} » sur ce critère : ce texte ne serait jamais lu` });
				}
			}
		}
	}
	return problems;
}
