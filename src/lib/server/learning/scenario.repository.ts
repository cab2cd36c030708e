import type { Executor } from '../db';

export interface ScenarioStep {
	stepNumber: number;
	nodeId: string;
	choiceId: string;
}

export interface ScenarioRunRow {
	id: string;
	scenarioId: string;
	competenceId: string;
	currentNode: string;
	status: 'open' | 'finished';
	/** The run's secret seed: the order and tokens of its choices (see attempt-draw.ts). */
	drawSeed: string;
}

/** The one column list and the one mapper of scenario_run. */
const RUN_COLUMNS = ['id', 'scenario_id', 'competence_id', 'current_node', 'status', 'draw_seed'] as const;
type RunSelect = { id: string; scenario_id: string; competence_id: string; current_node: string; status: 'open' | 'finished'; draw_seed: string };
const toRun = (row: RunSelect): ScenarioRunRow => ({
	id: row.id,
	scenarioId: row.scenario_id,
	competenceId: row.competence_id,
	currentNode: row.current_node,
	status: row.status,
	drawSeed: row.draw_seed
});

export async function findOpenRunId(db: Executor, userId: string, scenarioId: string): Promise<string | null> {
	const row = await db
		.selectFrom('scenario_run')
		.select('id')
		.where('user_id', '=', userId)
		.where('scenario_id', '=', scenarioId)
		.where('status', '=', 'open')
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function insertRun(db: Executor, run: { userId: string; scenarioId: string; competenceId: string; contentVersion: string; startNode: string; drawSeed: string }): Promise<string> {
	const created = await db
		.insertInto('scenario_run')
		.values({ user_id: run.userId, scenario_id: run.scenarioId, competence_id: run.competenceId, content_version: run.contentVersion, current_node: run.startNode, draw_seed: run.drawSeed })
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/** The run, only if it belongs to this user; `lock` holds it for the transaction. */
export async function findRun(db: Executor, userId: string, runId: string, lock = false): Promise<ScenarioRunRow | null> {
	let query = db.selectFrom('scenario_run').select(RUN_COLUMNS).where('id', '=', runId).where('user_id', '=', userId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? toRun(row) : null;
}

export async function findRunSteps(db: Executor, runId: string): Promise<ScenarioStep[]> {
	const rows = await db.selectFrom('scenario_step').select(['step_number', 'node_id', 'choice_id']).where('run_id', '=', runId).orderBy('step_number').execute();
	return rows.map((row) => ({ stepNumber: row.step_number, nodeId: row.node_id, choiceId: row.choice_id }));
}

export async function findStepByKey(db: Executor, userId: string, idempotencyKey: string): Promise<{ runId: string; nodeId: string; choiceId: string } | null> {
	const row = await db.selectFrom('scenario_step').select(['run_id', 'node_id', 'choice_id']).where('user_id', '=', userId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
	return row ? { runId: row.run_id, nodeId: row.node_id, choiceId: row.choice_id } : null;
}

export async function countRunSteps(db: Executor, runId: string): Promise<number> {
	const row = await db.selectFrom('scenario_step').select((eb) => eb.fn.countAll<number>().as('count')).where('run_id', '=', runId).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function insertStep(db: Executor, step: { runId: string; userId: string; stepNumber: number; nodeId: string; choiceId: string; idempotencyKey: string; at: Date }): Promise<void> {
	await db
		.insertInto('scenario_step')
		.values({ run_id: step.runId, user_id: step.userId, step_number: step.stepNumber, node_id: step.nodeId, choice_id: step.choiceId, idempotency_key: step.idempotencyKey, created_at: step.at })
		.execute();
}

export async function moveRun(db: Executor, runId: string, nextNode: string, finishedAt: Date | null): Promise<void> {
	await db
		.updateTable('scenario_run')
		.set({ current_node: nextNode, ...(finishedAt ? { status: 'finished' as const, finished_at: finishedAt } : {}) })
		.where('id', '=', runId)
		.execute();
}

/** Runs of the user on these scenarios, latest first, for "resume" and "replay" links. */
export async function listRuns(db: Executor, userId: string, scenarioIds: string[]): Promise<{ id: string; scenarioId: string; status: 'open' | 'finished' }[]> {
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
