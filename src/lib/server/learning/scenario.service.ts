import type { Kysely } from 'kysely';
import type { Executor } from '../db';
import { isUuid } from '../db/ids';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import type { Module, Scenario } from '../content/types';
import { newDrawSeed } from './attempt-draw';
import { touchEnrolment } from './enrolment.repository';
import { recordEvidence } from './evidence.repository';

export interface ScenarioStep {
	stepNumber: number;
	nodeId: string;
	choiceId: string;
}

export interface ScenarioRun {
	id: string;
	scenarioId: string;
	competenceId: string;
	currentNode: string;
	status: 'open' | 'finished';
	steps: ScenarioStep[];
	/** The run's secret seed: the order and tokens of its choices (see attempt-draw.ts). */
	drawSeed: string;
}

/** Starts a run of the scenario, or resumes the unfinished one. */
export async function startScenarioRun(db: Kysely<Database>, input: { userId: string; module: Module; scenario: Scenario; drawSeed?: string }): Promise<string> {
	const open = await db
		.selectFrom('scenario_run')
		.select('id')
		.where('user_id', '=', input.userId)
		.where('scenario_id', '=', input.scenario.id)
		.where('status', '=', 'open')
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	if (open) return open.id;
	const created = await db
		.insertInto('scenario_run')
		.values({
			user_id: input.userId,
			scenario_id: input.scenario.id,
			competence_id: input.module.competenceId,
			content_version: input.module.contentVersion,
			current_node: input.scenario.start,
			draw_seed: input.drawSeed ?? newDrawSeed()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/** The run with the steps taken so far, only if it belongs to this user. */
export async function findScenarioRun(db: Executor, userId: string, runId: string): Promise<ScenarioRun | null> {
	if (!isUuid(runId)) return null;
	const run = await db.selectFrom('scenario_run').selectAll().where('id', '=', runId).where('user_id', '=', userId).executeTakeFirst();
	if (!run) return null;
	const steps = await db
		.selectFrom('scenario_step')
		.select(['step_number', 'node_id', 'choice_id'])
		.where('run_id', '=', runId)
		.orderBy('step_number')
		.execute();
	return {
		id: run.id,
		scenarioId: run.scenario_id,
		competenceId: run.competence_id,
		currentNode: run.current_node,
		status: run.status,
		drawSeed: run.draw_seed,
		steps: steps.map((step) => ({ stepNumber: step.step_number, nodeId: step.node_id, choiceId: step.choice_id }))
	};
}

/** Runs of the user on these scenarios, latest first, for "resume" and "replay" links. */
export async function listScenarioRuns(db: Executor, userId: string, scenarioIds: string[]): Promise<{ id: string; scenarioId: string; status: 'open' | 'finished' }[]> {
	if (scenarioIds.length === 0) return [];
	const rows = await db
		.selectFrom('scenario_run')
		.select(['id', 'scenario_id', 'status'])
		.where('user_id', '=', userId)
		.where('scenario_id', 'in', scenarioIds)
		.orderBy('started_at', 'desc')
		.execute();
	return rows.map((row) => ({ id: row.id, scenarioId: row.scenario_id, status: row.status }));
}

export type ChoiceOutcome =
	| { kind: 'recorded' | 'duplicate'; nodeId: string; choiceId: string; finished: boolean }
	/** The page showed a node the run has already left (back button, second tab). */
	| { kind: 'stale' }
	| { kind: 'finished' }
	| { kind: 'not-found' }
	| { kind: 'invalid-choice' };

export interface ChooseInput {
	userId: string;
	runId: string;
	nodeId: string;
	choiceId: string;
	idempotencyKey: string;
	module: Module;
	scenario: Scenario;
	now: Date;
	equivalentsOf: (criterionId: string) => string[];
}

/**
 * Plays one choice: records the step, its evidence on each criterion it moves and the run's
 * new position, in one transaction. The posted node must be the run's current node, so a
 * replayed form never forks the run.
 */
export async function chooseScenarioOption(db: Kysely<Database>, input: ChooseInput): Promise<ChoiceOutcome> {
	return withTransaction(db, async (tx) => {
		const run = await tx
			.selectFrom('scenario_run')
			.select(['id', 'current_node', 'status'])
			.where('id', '=', input.runId)
			.where('user_id', '=', input.userId)
			.forUpdate()
			.executeTakeFirst();
		if (!run) return { kind: 'not-found' } as const;
		const previous = await tx
			.selectFrom('scenario_step')
			.select(['node_id', 'choice_id'])
			.where('user_id', '=', input.userId)
			.where('idempotency_key', '=', input.idempotencyKey)
			.executeTakeFirst();
		if (previous) return { kind: 'duplicate', nodeId: previous.node_id, choiceId: previous.choice_id, finished: run.status === 'finished' } as const;
		if (run.status === 'finished') return { kind: 'finished' } as const;
		if (run.current_node !== input.nodeId) return { kind: 'stale' } as const;

		const node = input.scenario.nodes[input.nodeId];
		const choice = node && 'choices' in node ? node.choices.find((c) => c.id === input.choiceId) : undefined;
		if (!choice) return { kind: 'invalid-choice' } as const;
		const next = input.scenario.nodes[choice.next];
		const finished = !next || 'ending' in next;

		const count = await tx
			.selectFrom('scenario_step')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('run_id', '=', input.runId)
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('scenario_step')
			.values({
				run_id: input.runId,
				user_id: input.userId,
				step_number: Number(count.count) + 1,
				node_id: input.nodeId,
				choice_id: choice.id,
				idempotency_key: input.idempotencyKey,
				created_at: input.now
			})
			.execute();
		await recordEvidence(
			tx,
			input.userId,
			Object.entries(choice.effects).map(([criterionId, score]) => ({
				criterionId,
				source: 'scenario',
				score,
				itemRef: `${input.scenario.id}#${input.nodeId}.${choice.id}`,
				contentVersion: input.module.contentVersion
			})),
			input.now,
			input.equivalentsOf
		);
		await tx
			.updateTable('scenario_run')
			.set({ current_node: choice.next, ...(finished ? { status: 'finished' as const, finished_at: input.now } : {}) })
			.where('id', '=', input.runId)
			.execute();
		await touchEnrolment(tx, input.userId, input.module.certificationId, input.module.competenceId, input.now);
		return { kind: 'recorded', nodeId: input.nodeId, choiceId: choice.id, finished } as const;
	});
}
