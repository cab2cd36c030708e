import type { Catalog, Certification } from '../content/types';
import type { Executor } from '../db';
import { findLevelSummariesForUsers } from '../evidence/summary.repository';
import { criterionIdsOf } from '../mastery/progress.service';
import { followUpGroup } from './assignments.service';
import { cohortRow, type CohortRow } from './cohort';
import type { Group } from './groups.repository';

/**
 * Every candidate of the group as a cohort row, in a fixed number of queries whatever the
 * group's size: the follow-up (members, assignments, activity) and one batch read of the
 * summaries, user × criterion (only the columns the status and levels read).
 */
export async function loadCohort(db: Executor, catalog: Pick<Catalog, 'modules' | 'certifications'>, group: Group, now: Date): Promise<{ certification: Certification; rows: CohortRow[] } | null> {
	const certification = catalog.certifications.find((c) => c.id === group.certificationId);
	if (!certification) return null;
	const follow = await followUpGroup(db, catalog, group, now);
	const summaries = await findLevelSummariesForUsers(
		db,
		follow.members.map((m) => m.id),
		criterionIdsOf(certification)
	);
	const rows = follow.members.map((m) =>
		cohortRow(
			certification,
			{ id: m.id, name: m.displayName, email: m.email, joinedAt: m.joinedAt, lastActivityAt: m.lastActivityAt, toRemind: m.reminder !== null, overdue: m.assignments.some((a) => a.overdue) },
			summaries.get(m.id) ?? new Map(),
			now
		)
	);
	return { certification, rows };
}
