import type { Catalog, Certification } from '../content/types';
import type { Executor } from '../db';
import { findLevelSummariesForUsers } from '../evidence/summary.repository';
import { criterionIdsOf } from '../mastery/progress.service';
import { followUpGroup } from './assignments.service';
import { cohortRow, type CohortMember, type CohortRow } from './cohort';
import type { Group } from './groups.repository';

/**
 * The group's candidates with what the cohort shows besides the cells (last activity, late
 * work, « à relancer »), from the follow-up: a fixed number of queries whatever the size.
 */
export async function loadCohortMembers(db: Executor, catalog: Pick<Catalog, 'modules' | 'certifications'>, group: Group, now: Date): Promise<{ certification: Certification; members: CohortMember[] } | null> {
	const certification = catalog.certifications.find((c) => c.id === group.certificationId);
	if (!certification) return null;
	const follow = await followUpGroup(db, catalog, group, now);
	const members = follow.members.map((m) => ({ id: m.id, name: m.displayName, email: m.email, joinedAt: m.joinedAt, lastActivityAt: m.lastActivityAt, toRemind: m.reminder !== null, overdue: m.assignments.some((a) => a.overdue) }));
	return { certification, members };
}

/** The cohort rows of some members: one batch read of their summaries (only the columns the status and levels read). */
export async function cohortRowsOf(db: Executor, certification: Certification, members: readonly CohortMember[], now: Date): Promise<CohortRow[]> {
	const summaries = await findLevelSummariesForUsers(
		db,
		members.map((m) => m.id),
		criterionIdsOf(certification)
	);
	return members.map((m) => cohortRow(certification, m, summaries.get(m.id) ?? new Map(), now));
}

/**
 * Every candidate of the group as a cohort row, in a fixed number of queries whatever the
 * group's size: the follow-up (members, assignments, activity) and one batch read of the
 * summaries, user × criterion.
 */
export async function loadCohort(db: Executor, catalog: Pick<Catalog, 'modules' | 'certifications'>, group: Group, now: Date): Promise<{ certification: Certification; rows: CohortRow[] } | null> {
	const loaded = await loadCohortMembers(db, catalog, group, now);
	if (!loaded) return null;
	return { certification: loaded.certification, rows: await cohortRowsOf(db, loaded.certification, loaded.members, now) };
}
