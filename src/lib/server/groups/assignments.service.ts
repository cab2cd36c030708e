import type { Catalog } from '../content/types';
import type { Executor } from '../db';
import { parseIsoDay, todayInFrance, type IsoDay } from './days';
import { assignmentProgress, isOverdue, NO_ACTIVITY, reminderReason, type AssignmentProgress, type ModuleActivity, type ModuleShape, type ReminderReason } from './follow-up';
import { findActivity, insertAssignment, listCandidateAssignments, listGroupAssignments, updateDueDate, type ActivityRows, type Assignment } from './assignments.repository';
import { isUuid, listMembers, type Group, type Member } from './groups.repository';

/** What the module holds, from the catalog (a module missing from the content holds nothing). */
export function moduleShape(catalog: Pick<Catalog, 'modules'>, competenceId: string): ModuleShape {
	const module = catalog.modules.find((m) => m.competenceId === competenceId);
	return { quizItemIds: module?.quiz.map((item) => item.id) ?? [], scenarioCount: module?.scenarios.length ?? 0 };
}

function activityIn(rows: ActivityRows, candidateId: string, competenceId: string): ModuleActivity {
	return {
		answeredItemIds: rows.answered.get(candidateId) ?? NO_ACTIVITY.answeredItemIds,
		opened: rows.opened.get(candidateId)?.has(competenceId) ?? false,
		scenarioFinished: rows.finished.get(candidateId)?.has(competenceId) ?? false
	};
}

// ── Creating and changing ──

export type AssignmentFormValues = { competenceIds: string[]; dueOn: string; instruction: string; target: string; candidateIds: string[]; requestKey?: string };
export type AssignmentFormErrors = Partial<Record<'competenceIds' | 'dueOn' | 'instruction' | 'candidateIds', string>>;
export const INSTRUCTION_MAX = 1000;

/** Checks a due date typed by a trainer: a real day, today or later. */
export function checkDueDate(value: string, today: IsoDay): { ok: true; dueOn: IsoDay } | { ok: false; error: string } {
	if (!value.trim()) return { ok: false, error: 'Choisissez une date d’échéance.' };
	const dueOn = parseIsoDay(value);
	if (!dueOn) return { ok: false, error: 'Saisissez une date valide (jour, mois, année).' };
	if (dueOn < today) return { ok: false, error: 'L’échéance ne peut pas être déjà passée : choisissez aujourd’hui ou une date à venir.' };
	return { ok: true, dueOn };
}

/**
 * Assigns the chosen modules of the group's certification, with one due date, to the whole
 * group or to chosen members of it (anyone else is refused, not skipped). All or nothing:
 * call it in a transaction. The same form sent twice (same request key) assigns once.
 */
export async function assignModules(
	db: Executor,
	catalog: Pick<Catalog, 'competences'>,
	group: Group,
	values: AssignmentFormValues,
	now: Date
): Promise<{ ok: true; count: number } | { ok: false; errors: AssignmentFormErrors }> {
	const errors: AssignmentFormErrors = {};
	const competenceIds = [...new Set(values.competenceIds)];
	if (competenceIds.length === 0) errors.competenceIds = 'Choisissez au moins un module.';
	else if (competenceIds.some((id) => catalog.competences.get(id)?.certificationId !== group.certificationId)) errors.competenceIds = 'Choisissez des modules de la certification du groupe.';
	const due = checkDueDate(values.dueOn, todayInFrance(now));
	if (!due.ok) errors.dueOn = due.error;
	const instruction = values.instruction.trim();
	if (instruction.length > INSTRUCTION_MAX) errors.instruction = `La consigne tient en ${INSTRUCTION_MAX} caractères au plus.`;
	let candidateIds: string[] | 'all' = 'all';
	if (values.target !== 'all') {
		const members = new Set((await listMembers(db, group.id)).map((m) => m.id));
		const chosen = [...new Set(values.candidateIds)];
		if (chosen.length === 0) errors.candidateIds = 'Choisissez au moins un candidat, ou assignez au groupe entier.';
		else if (chosen.some((id) => !isUuid(id) || !members.has(id))) errors.candidateIds = 'Un des candidats choisis n’est plus dans le groupe : rechargez la page.';
		candidateIds = chosen;
	}
	if (Object.keys(errors).length > 0 || !due.ok) return { ok: false, errors };
	for (const competenceId of competenceIds) {
		const requestKey = values.requestKey && /^[A-Za-z0-9_-]{16,64}$/.test(values.requestKey) ? values.requestKey : null;
		await insertAssignment(db, { groupId: group.id, competenceId, dueOn: due.dueOn, instruction: instruction || null, candidateIds, requestKey });
	}
	return { ok: true, count: competenceIds.length };
}

export async function changeDueDate(db: Executor, group: Group, assignmentId: string, value: string, now: Date): Promise<{ ok: true } | { ok: false; error: string }> {
	const due = checkDueDate(value, todayInFrance(now));
	if (!due.ok) return due;
	if (!isUuid(assignmentId) || !(await updateDueDate(db, group.id, assignmentId, due.dueOn))) return { ok: false, error: 'Ce travail n’existe plus dans ce groupe.' };
	return { ok: true };
}

// ── The candidate's side ──

export interface CandidateAssignment {
	id: string;
	groupName: string;
	competenceId: string;
	dueOn: IsoDay;
	instruction: string | null;
	progress: AssignmentProgress;
	overdue: boolean;
}

/** The candidate's assignments by due date, each with its status and whether it is late. */
export async function listMyAssignments(db: Executor, catalog: Pick<Catalog, 'modules' | 'competences'>, candidateId: string, now: Date): Promise<CandidateAssignment[]> {
	const rows = await listCandidateAssignments(db, candidateId);
	const today = todayInFrance(now);
	const certifications = [...new Set(rows.map((row) => catalog.competences.get(row.competenceId)?.certificationId).filter((id): id is string => !!id))];
	const activity = new Map<string, ActivityRows>();
	for (const certificationId of certifications) activity.set(certificationId, await findActivity(db, [candidateId], certificationId));
	return rows.flatMap((row) => {
		const competence = catalog.competences.get(row.competenceId);
		if (!competence) return [];
		const progress = assignmentProgress(moduleShape(catalog, row.competenceId), activityIn(activity.get(competence.certificationId)!, candidateId, row.competenceId));
		return [{ id: row.id, groupName: row.groupName, competenceId: row.competenceId, dueOn: row.dueOn, instruction: row.instruction, progress, overdue: isOverdue(progress, row.dueOn, today) }];
	});
}

/** The next step of the candidate's space: the unfinished assignment due first, if any. */
export function nextAssignment(assignments: readonly CandidateAssignment[]): CandidateAssignment | null {
	return assignments.find((a) => a.progress !== 'terminé') ?? null;
}

// ── The trainer's side ──

export interface MemberFollowUp extends Member {
	lastActivityAt: Date | null;
	reminder: ReminderReason | null;
	/** Per assignment that concerns them. */
	assignments: Array<{ assignmentId: string; progress: AssignmentProgress; overdue: boolean }>;
}

export interface AssignmentFollowUp extends Assignment {
	counts: Record<AssignmentProgress, number> & { overdue: number; concerned: number };
}

export interface GroupFollowUp {
	members: MemberFollowUp[];
	assignments: AssignmentFollowUp[];
	/** Members to get back to: never started, or inactive for the group's number of days. */
	toRemind: MemberFollowUp[];
	overdueCount: number;
}

/** Everything the group page and the trainer's space count, read in a fixed number of queries. */
export async function followUpGroup(db: Executor, catalog: Pick<Catalog, 'modules'>, group: Group, now: Date): Promise<GroupFollowUp> {
	const today = todayInFrance(now);
	const members = await listMembers(db, group.id);
	const assignments = await listGroupAssignments(db, group.id);
	const shapes = new Map(assignments.map((a) => [a.competenceId, moduleShape(catalog, a.competenceId)]));
	// Only the assigned modules' items decide a status: the answers to anything else need not be read.
	const assignedItems = [...new Set([...shapes.values()].flatMap((shape) => shape.quizItemIds))];
	const activity = await findActivity(db, members.map((m) => m.id), group.certificationId, assignedItems);
	const follow: AssignmentFollowUp[] = assignments.map((a) => ({ ...a, counts: { 'non commencé': 0, 'en cours': 0, terminé: 0, overdue: 0, concerned: 0 } }));
	let overdueCount = 0;
	const memberRows = members.map((member): MemberFollowUp => {
		const lastActivityAt = activity.lastActivityAt.get(member.id) ?? null;
		const mine = follow.filter((a) => a.wholeGroup || a.candidateIds.includes(member.id));
		const statuses = mine.map((a) => {
			const progress = assignmentProgress(shapes.get(a.competenceId)!, activityIn(activity, member.id, a.competenceId));
			const overdue = isOverdue(progress, a.dueOn, today);
			a.counts[progress]++;
			a.counts.concerned++;
			if (overdue) {
				a.counts.overdue++;
				overdueCount++;
			}
			return { assignmentId: a.id, progress, overdue };
		});
		return { ...member, lastActivityAt, reminder: reminderReason(lastActivityAt ? todayInFrance(lastActivityAt) : null, group.inactivityDays, today), assignments: statuses };
	});
	return { members: memberRows, assignments: follow, toRemind: memberRows.filter((m) => m.reminder), overdueCount };
}
