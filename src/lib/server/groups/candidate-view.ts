import type { Catalog } from '../content/types';
import type { Executor } from '../db';
import { listMyAssignments, nextAssignment } from './assignments.service';
import { formatDay } from './days';
import { listGroupsOfMember, listTrainers } from './groups.repository';
import { certificationLabel } from './views';
import { trainerVisibility, NEVER_VISIBLE } from './visibility';
import { moduleHref } from '../../paths';

export interface AssignmentView {
	id: string;
	title: string;
	href: string;
	group: string;
	due: string;
	progress: 'non commencé' | 'en cours' | 'terminé';
	overdue: boolean;
	instruction: string | null;
}

/**
 * The candidate's assignments block: by due date, with status and lateness, the next step
 * (the unfinished assignment due first), and the group just joined when arriving from a join.
 */
export async function candidateAssignments(db: Executor, catalog: Pick<Catalog, 'modules' | 'competences'>, candidateId: string, now: Date, joinedGroupId: string | null) {
	const mine = await listMyAssignments(db, catalog, candidateId, now);
	const views: AssignmentView[] = mine.map((a) => {
		const competence = catalog.competences.get(a.competenceId)!;
		return { id: a.id, title: `${competence.number}. ${competence.title}`, href: moduleHref(a.competenceId), group: a.groupName, due: formatDay(a.dueOn), progress: a.progress, overdue: a.overdue, instruction: a.instruction };
	});
	const next = nextAssignment(mine);
	const joined = joinedGroupId ? (await listGroupsOfMember(db, candidateId)).find((g) => g.id === joinedGroupId) : undefined;
	return { assignments: views, nextAssignment: next ? (views.find((v) => v.id === next.id) ?? null) : null, joinedGroup: joined?.name ?? null };
}

/** « Mon compte » → « Mes groupes »: each group, its trainers, and what they see (the one list). */
export async function myGroups(db: Executor, catalog: Pick<Catalog, 'certifications'>, candidateId: string) {
	const groups = await listGroupsOfMember(db, candidateId);
	return Promise.all(
		groups.map(async (group) => ({
			id: group.id,
			name: group.name,
			certification: certificationLabel(catalog, group.certificationId),
			kind: group.kind,
			joinedOn: formatDay(group.joinedAt.toISOString().slice(0, 10)),
			trainers: (await listTrainers(db, group.id)).map((t) => t.displayName),
			visible: trainerVisibility(group.kind).map((entry) => entry.label)
		}))
	).then((list) => ({ groups: list, never: NEVER_VISIBLE }));
}
