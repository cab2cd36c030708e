import type { Catalog } from '../content/types';
import type { Executor } from '../db';
import { followUpGroup } from './assignments.service';
import { formatDay } from './days';
import { listGroups, listTrainers, type Group } from './groups.repository';
import { formatJoinCode } from './join-code';

/** What the pages show of a group, in words (no internal ids but the group's own, for its URL). */
export interface GroupSummaryView {
	id: string;
	name: string;
	certification: string;
	kind: 'formation' | 'vae';
	dates: string | null;
	evaluation: string | null;
	joinCode: string | null;
	candidateCount: number;
	overdueCount: number;
	toRemindCount: number;
}

export function certificationLabel(catalog: Pick<Catalog, 'certifications'>, certificationId: string): string {
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	return certification ? `${certification.type} ${certification.title}` : certificationId;
}

export function datesLabel(group: Pick<Group, 'startsOn' | 'endsOn'>): string | null {
	if (group.startsOn && group.endsOn) return `du ${formatDay(group.startsOn)} au ${formatDay(group.endsOn)}`;
	if (group.startsOn) return `à partir du ${formatDay(group.startsOn)}`;
	if (group.endsOn) return `jusqu’au ${formatDay(group.endsOn)}`;
	return null;
}

export function describeGroup(catalog: Pick<Catalog, 'certifications'>, group: Group): Omit<GroupSummaryView, 'candidateCount' | 'overdueCount' | 'toRemindCount'> {
	return {
		id: group.id,
		name: group.name,
		certification: certificationLabel(catalog, group.certificationId),
		kind: group.kind,
		dates: datesLabel(group),
		evaluation: group.evaluationOn ? formatDay(group.evaluationOn) : null,
		joinCode: group.joinCode ? formatJoinCode(group.joinCode) : null
	};
}

/** The trainer's space: their groups (an admin: every group), each with its counts. */
export async function trainerSpace(db: Executor, catalog: Pick<Catalog, 'certifications' | 'modules'>, user: { id: string; role: string }, now: Date): Promise<GroupSummaryView[]> {
	const groups = await listGroups(db, user.role === 'admin' ? 'all' : user.id);
	const views: GroupSummaryView[] = [];
	for (const group of groups) {
		const follow = await followUpGroup(db, catalog, group, now);
		views.push({ ...describeGroup(catalog, group), candidateCount: follow.members.length, overdueCount: follow.overdueCount, toRemindCount: follow.toRemind.length });
	}
	return views;
}

export { listTrainers };
