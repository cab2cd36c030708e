import { error } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isMemberOfGroup } from '$lib/server/groups/access';
import { listMyAssignments } from '$lib/server/groups/assignments.service';
import { findEvidenceLines } from '$lib/server/groups/candidate-evidence.repository';
import { candidateDrilldown } from '$lib/server/groups/candidate-drilldown';
import { formatDay } from '$lib/server/groups/days';
import { findUserById } from '$lib/server/auth/users.repository';
import { isUuid } from '$lib/server/groups/groups.repository';
import { describeGroup } from '$lib/server/groups/views';
import { loadProgressPage } from '$lib/server/mastery/progress.service';
import { criterionLabels, observationView } from '$lib/server/observations/observation-view';
import { findObservations } from '$lib/server/observations/observations.repository';
import { requireManagedGroup } from '../../managed-group';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { group } = await requireManagedGroup(event);
	const db = getDb();
	const catalog = getCatalog();
	const candidateId = event.params.candidateId;
	// Only a member of this group: another candidate's id looks like no one.
	if (!isUuid(candidateId) || !(await isMemberOfGroup(db, candidateId, group.id))) error(404, 'Ce candidat n’est pas dans ce groupe.');
	const certification = catalog.certifications.find((c) => c.id === group.certificationId);
	const candidate = await findUserById(db, candidateId);
	if (!certification || !candidate) error(404, 'Ce candidat n’est pas dans ce groupe.');
	const now = new Date();
	const [progress, lines, records, assignments] = await Promise.all([
		loadProgressPage(db, catalog, candidateId, certification, now),
		findEvidenceLines(db, candidateId, certification.id),
		findObservations(db, { candidateIds: [candidateId], groupId: group.id }),
		listMyAssignments(db, catalog, candidateId, now)
	]);
	if (!progress) error(404, 'Ce candidat n’est plus inscrit à la certification du groupe.');
	const labelOf = criterionLabels(catalog);
	return {
		group: describeGroup(catalog, group),
		recorded: event.url.searchParams.get('info') === 'observation',
		candidate: { id: candidate.id, name: candidate.displayName, email: candidate.email },
		map: candidateDrilldown(catalog, progress, lines, new Map(records.map((r) => [r.id, r.place]))),
		observations: records.map((r) => observationView(r, { ...catalog, criterionLabel: labelOf })),
		assignments: assignments
			.filter((a) => a.groupName === group.name)
			.map((a) => ({ id: a.id, title: `${catalog.competences.get(a.competenceId)?.number}. ${catalog.competences.get(a.competenceId)?.title}`, due: formatDay(a.dueOn), progress: a.progress, overdue: a.overdue }))
	};
};
