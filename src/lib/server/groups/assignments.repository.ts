import { sql } from 'kysely';
import type { Executor } from '../db';
import type { IsoDay } from './days';

/** All SQL of assignments, and the activity their status is derived from. */

export interface Assignment {
	id: string;
	groupId: string;
	competenceId: string;
	dueOn: IsoDay;
	instruction: string | null;
	wholeGroup: boolean;
	/** The chosen candidates (empty when the whole group is assigned). */
	candidateIds: string[];
	createdAt: Date;
}

export async function insertAssignment(
	db: Executor,
	input: { groupId: string; competenceId: string; dueOn: IsoDay; instruction: string | null; candidateIds: string[] | 'all'; requestKey?: string | null }
): Promise<string | null> {
	const row = await db
		.insertInto('assignment')
		.values({ group_id: input.groupId, competence_id: input.competenceId, due_on: input.dueOn, instruction: input.instruction, whole_group: input.candidateIds === 'all', request_key: input.requestKey ?? null })
		.onConflict((oc) => oc.columns(['group_id', 'competence_id', 'request_key']).where('request_key', 'is not', null).doNothing())
		.returning('id')
		.executeTakeFirst();
	// Already assigned by the same form: nothing more to write.
	if (!row) return null;
	if (input.candidateIds !== 'all' && input.candidateIds.length > 0) {
		await db.insertInto('assignment_target').values(input.candidateIds.map((candidateId) => ({ assignment_id: row.id, candidate_id: candidateId }))).execute();
	}
	return row.id;
}

export async function listGroupAssignments(db: Executor, groupId: string): Promise<Assignment[]> {
	const rows = await db
		.selectFrom('assignment')
		.select(['id', 'group_id', 'competence_id', 'due_on', 'instruction', 'whole_group', 'created_at'])
		.where('group_id', '=', groupId)
		.orderBy('due_on')
		.orderBy('created_at')
		.execute();
	const targets = rows.length
		? await db.selectFrom('assignment_target').select(['assignment_id', 'candidate_id']).where('assignment_id', 'in', rows.map((r) => r.id)).execute()
		: [];
	return rows.map((row) => ({
		id: row.id,
		groupId: row.group_id,
		competenceId: row.competence_id,
		dueOn: row.due_on,
		instruction: row.instruction,
		wholeGroup: row.whole_group,
		candidateIds: targets.filter((t) => t.assignment_id === row.id).map((t) => t.candidate_id),
		createdAt: new Date(row.created_at)
	}));
}

export interface CandidateAssignmentRow {
	id: string;
	groupId: string;
	groupName: string;
	competenceId: string;
	dueOn: IsoDay;
	instruction: string | null;
}

/** The assignments a candidate has, through the groups they are still a member of. */
export async function listCandidateAssignments(db: Executor, candidateId: string): Promise<CandidateAssignmentRow[]> {
	const rows = await db
		.selectFrom('assignment')
		.innerJoin('group_member', (join) => join.onRef('group_member.group_id', '=', 'assignment.group_id').on('group_member.candidate_id', '=', candidateId))
		.innerJoin('trainer_group', 'trainer_group.id', 'assignment.group_id')
		.select(['assignment.id', 'assignment.group_id', 'trainer_group.name', 'assignment.competence_id', 'assignment.due_on', 'assignment.instruction'])
		.where((eb) =>
			eb.or([
				eb('assignment.whole_group', '=', true),
				eb.exists(eb.selectFrom('assignment_target').select('assignment_target.assignment_id').whereRef('assignment_target.assignment_id', '=', 'assignment.id').where('assignment_target.candidate_id', '=', candidateId))
			])
		)
		.orderBy('assignment.due_on')
		.orderBy('assignment.created_at')
		.execute();
	return rows.map((row) => ({ id: row.id, groupId: row.group_id, groupName: row.name, competenceId: row.competence_id, dueOn: row.due_on, instruction: row.instruction }));
}

export async function updateDueDate(db: Executor, groupId: string, assignmentId: string, dueOn: IsoDay): Promise<boolean> {
	const result = await db.updateTable('assignment').set({ due_on: dueOn }).where('id', '=', assignmentId).where('group_id', '=', groupId).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteAssignment(db: Executor, groupId: string, assignmentId: string): Promise<boolean> {
	const result = await db.deleteFrom('assignment').where('id', '=', assignmentId).where('group_id', '=', groupId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** What candidates did, as the follow-up reads it: one pass per kind of activity for many candidates. */
export interface ActivityRows {
	/** Quiz items answered (by the candidate themselves), per candidate. */
	answered: Map<string, Set<string>>;
	/** Competences where the candidate opened a quiz or a scenario. */
	opened: Map<string, Set<string>>;
	/** Competences where the candidate played a scenario to an ending. */
	finished: Map<string, Set<string>>;
	/** The candidate's own latest activity in the certification. */
	lastActivityAt: Map<string, Date>;
}

const push = (map: Map<string, Set<string>>, key: string, value: string) => {
	let set = map.get(key);
	if (!set) map.set(key, (set = new Set()));
	set.add(value);
};

/**
 * The activity of `candidateIds` in one certification: quiz answers from the ledger (the
 * engines' own rows, not a trainer's observations), opened quizzes and scenario runs, finished
 * runs, and the latest of all that (with the enrolment's own last activity).
 *
 * `answeredAmong`: the quiz items whose answers matter (the assigned modules' items); left out,
 * every item of the certification. The answers read only tell which items were answered: the
 * latest activity comes from the own-evidence aggregate, which already covers them, so narrowing
 * changes nothing else (and spares reading every member's whole quiz history).
 */
export async function findActivity(db: Executor, candidateIds: string[], certificationId: string, answeredAmong?: readonly string[]): Promise<ActivityRows> {
	const activity: ActivityRows = { answered: new Map(), opened: new Map(), finished: new Map(), lastActivityAt: new Map() };
	if (candidateIds.length === 0) return activity;
	const prefix = `${certificationId}.%`;
	const latest = (userId: string, at: Date | string | null) => {
		if (!at) return;
		const date = new Date(at);
		const known = activity.lastActivityAt.get(userId);
		if (!known || known < date) activity.lastActivityAt.set(userId, date);
	};

	// `item_ref in ('')` when no item matters: matches nothing, and the number of queries stays fixed.
	const answers = await db
		.selectFrom('evidence')
		.select(['user_id', 'item_ref', sql<Date>`max(created_at)`.as('at')])
		.where('user_id', 'in', candidateIds)
		.where('source', '=', 'quiz')
		.where('recorded_by', 'is', null)
		.where('criterion_id', 'like', prefix)
		.$if(answeredAmong !== undefined, (q) => q.where('item_ref', 'in', answeredAmong!.length ? [...answeredAmong!] : ['']))
		.groupBy(['user_id', 'item_ref'])
		.execute();
	for (const row of answers) {
		push(activity.answered, row.user_id, row.item_ref);
		latest(row.user_id, row.at);
	}

	const ownEvidence = await db
		.selectFrom('evidence')
		.select(['user_id', sql<Date>`max(created_at)`.as('at')])
		.where('user_id', 'in', candidateIds)
		.where('recorded_by', 'is', null)
		.where('criterion_id', 'like', prefix)
		.groupBy('user_id')
		.execute();
	for (const row of ownEvidence) latest(row.user_id, row.at);

	const quizzes = await db
		.selectFrom('quiz_session')
		.select(['user_id', 'competence_id', sql<Date>`max(started_at)`.as('at')])
		.where('user_id', 'in', candidateIds)
		.where('competence_id', 'like', prefix)
		.groupBy(['user_id', 'competence_id'])
		.execute();
	for (const row of quizzes) {
		push(activity.opened, row.user_id, row.competence_id);
		latest(row.user_id, row.at);
	}

	const runs = await db
		.selectFrom('scenario_run')
		.select(['user_id', 'competence_id', 'status', 'started_at', 'finished_at'])
		.where('user_id', 'in', candidateIds)
		.where('competence_id', 'like', prefix)
		.execute();
	for (const row of runs) {
		push(activity.opened, row.user_id, row.competence_id);
		if (row.status === 'finished') push(activity.finished, row.user_id, row.competence_id);
		latest(row.user_id, row.finished_at ?? row.started_at);
	}

	const enrolments = await db
		.selectFrom('enrolment')
		.select(['user_id', 'last_activity_at'])
		.where('user_id', 'in', candidateIds)
		.where('certification_id', '=', certificationId)
		.execute();
	for (const row of enrolments) latest(row.user_id, row.last_activity_at);
	return activity;
}
