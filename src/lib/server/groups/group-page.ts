import type { Catalog } from '../content/types';
import type { Executor } from '../db';
import { followUpGroup } from './assignments.service';
import { formatDay, todayInFrance } from './days';
import type { AssignmentProgress } from './follow-up';
import { listTrainers, type Group } from './groups.repository';
import { joinLinkHref } from '../../paths';
import { describeGroup } from './views';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** Everything the trainer's group page shows, in words, from one follow-up read. */
export async function groupPage(db: Executor, catalog: Pick<Catalog, 'certifications' | 'modules' | 'competences'>, group: Group, now: Date, origin: string) {
	const follow = await followUpGroup(db, catalog, group, now);
	const titleOf = (competenceId: string) => {
		const competence = catalog.competences.get(competenceId);
		return competence ? `${competence.number}. ${competence.title}` : 'Module retiré du contenu';
	};
	const assignments = follow.assignments.map((a) => ({
		id: a.id,
		title: titleOf(a.competenceId),
		dueOn: a.dueOn,
		due: formatDay(a.dueOn),
		past: a.dueOn < todayInFrance(now),
		instruction: a.instruction,
		audience: a.wholeGroup ? 'Tout le groupe' : `${a.candidateIds.length} candidat${a.candidateIds.length > 1 ? 's' : ''} choisi${a.candidateIds.length > 1 ? 's' : ''}`,
		counts: a.counts
	}));
	const members = follow.members.map((m) => ({
		id: m.id,
		name: m.displayName,
		email: m.email,
		lastActivity: m.lastActivityAt ? DATE_TIME.format(m.lastActivityAt) : null,
		reminder: m.reminder,
		statuses: Object.fromEntries(m.assignments.map((s) => [s.assignmentId, { progress: s.progress as AssignmentProgress, overdue: s.overdue }]))
	}));
	return {
		group: { ...describeGroup(catalog, group), inactivityDays: group.inactivityDays, joinLink: group.joinToken ? `${origin}${joinLinkHref(group.joinToken)}` : null },
		trainers: (await listTrainers(db, group.id)).map((t) => ({ id: t.id, name: t.displayName, email: t.email })),
		members,
		assignments,
		toRemind: members.filter((m) => m.reminder),
		overdueCount: follow.overdueCount
	};
}
