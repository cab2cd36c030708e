import type { Kysely } from 'kysely';
import type { Catalog, Module, Scenario } from '../content/types';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { isEnrolled } from '../enrolment/enrolment-rule';
import { touchEnrolment } from '../enrolment/enrolment.repository';
import { appendEvidence } from '../evidence/ledger';
import { newDrawSeed } from './attempt-draw';
import * as runs from './scenario.repository';

export type { ScenarioStep } from './scenario.repository';

export interface ScenarioRun extends runs.ScenarioRunRow {
	steps: runs.ScenarioStep[];
}

export type StartRunOutcome = { kind: 'started'; runId: string } | { kind: 'not-enrolled' };

/** Starts a run of the scenario, or resumes the unfinished one. Only for an enrolled candidate. */
export async function startScenarioRun(db: Kysely<Database>, input: { userId: string; module: Module; scenario: Scenario; drawSeed?: string }): Promise<StartRunOutcome> {
	if (!(await isEnrolled(db, input.userId, input.module.certificationId))) return { kind: 'not-enrolled' };
	const open = await runs.findOpenRunId(db, input.userId, input.scenario.id);
	if (open) return { kind: 'started', runId: open };
	const runId = await runs.insertRun(db, {
		userId: input.userId,
		scenarioId: input.scenario.id,
		competenceId: input.module.competenceId,
		contentVersion: input.module.contentVersion,
		startNode: input.scenario.start,
		drawSeed: input.drawSeed ?? newDrawSeed()
	});
	return { kind: 'started', runId };
}

/** The run with the steps taken so far, only if it belongs to this user. */
export async function findScenarioRun(db: Executor, userId: string, runId: string): Promise<ScenarioRun | null> {
	if (!isUuid(runId)) return null;
	const run = await runs.findRun(db, userId, runId);
	return run ? { ...run, steps: await runs.findRunSteps(db, runId) } : null;
}

/** Runs of the user on these scenarios, latest first, for "resume" and "replay" links. */
export const listScenarioRuns = runs.listRuns;

export type ChoiceOutcome =
	| { kind: 'recorded' | 'duplicate'; nodeId: string; choiceId: string; finished: boolean }
	/** The page showed a node the run has already left (back button, second tab). */
	| { kind: 'stale' }
	| { kind: 'finished' }
	| { kind: 'not-found' }
	| { kind: 'not-enrolled' }
	| { kind: 'invalid-choice' }
	/** The idempotency key was already used in another run: a replayed form of another page. */
	| { kind: 'key-reused' };

export interface ChooseInput {
	userId: string;
	runId: string;
	nodeId: string;
	choiceId: string;
	idempotencyKey: string;
	module: Module;
	scenario: Scenario;
	catalog: Pick<Catalog, 'equivalentsOf'>;
	now: Date;
}

/**
 * Plays one choice: records the step, its evidence on each criterion it moves and the run's
 * new position, in one transaction. The posted node must be the run's current node, so a
 * replayed form never forks the run.
 */
export async function chooseScenarioOption(db: Kysely<Database>, input: ChooseInput): Promise<ChoiceOutcome> {
	if (!isUuid(input.runId)) return { kind: 'not-found' };
	return withTransaction(db, async (tx) => {
		const run = await runs.findRun(tx, input.userId, input.runId, true);
		if (!run || run.scenarioId !== input.scenario.id) return { kind: 'not-found' } as const;
		if (!(await isEnrolled(tx, input.userId, input.module.certificationId))) return { kind: 'not-enrolled' } as const;
		const previous = await runs.findStepByKey(tx, input.userId, input.idempotencyKey);
		if (previous) return previous.runId === run.id ? ({ kind: 'duplicate', nodeId: previous.nodeId, choiceId: previous.choiceId, finished: run.status === 'finished' } as const) : ({ kind: 'key-reused' } as const);
		if (run.status === 'finished') return { kind: 'finished' } as const;
		if (run.currentNode !== input.nodeId) return { kind: 'stale' } as const;

		const node = input.scenario.nodes[input.nodeId];
		const choice = node && 'choices' in node ? node.choices.find((c) => c.id === input.choiceId) : undefined;
		if (!choice) return { kind: 'invalid-choice' } as const;
		const next = input.scenario.nodes[choice.next];
		const finished = !next || 'ending' in next;

		const stepNumber = (await runs.countRunSteps(tx, run.id)) + 1;
		await runs.insertStep(tx, { runId: run.id, userId: input.userId, stepNumber, nodeId: input.nodeId, choiceId: choice.id, idempotencyKey: input.idempotencyKey, at: input.now });
		await appendEvidence(
			tx,
			input.catalog,
			input.userId,
			Object.entries(choice.effects).map(([criterionId, score]) => ({
				criterionId,
				source: 'scenario' as const,
				score,
				itemRef: `${input.scenario.id}#${input.nodeId}.${choice.id}`,
				contentVersion: input.module.contentVersion
			})),
			input.now
		);
		await runs.moveRun(tx, run.id, choice.next, finished ? input.now : null);
		await touchEnrolment(tx, input.userId, input.module.certificationId, input.module.competenceId, input.now);
		return { kind: 'recorded', nodeId: input.nodeId, choiceId: choice.id, finished } as const;
	});
}
