import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { findUserByEmail } from '../auth/users.repository';
import type { Catalog } from '../content/types';
import type { Database } from '../db/schema';
import { addDays, todayInFrance } from '../groups/days';
import { DEMO_GROUP_NAME } from '../groups/demo-data';
import { listGroups, listMembers } from '../groups/groups.repository';
import { commentField, resultField, type ObservationFormValues } from './observation-form';
import { acknowledgeObservation, findObservations } from './observations.repository';
import { recordObservations } from './observations.service';

const DAY_MS = 86_400_000;

/**
 * Observations in the demo group, recorded through the same service as the form: a workshop
 * where three candidates were observed at a client's site (two acknowledged it), a role play in
 * the centre (reconstituted: never « démontré »), one observation corrected afterwards, and an
 * interview of the demo candidate not yet acknowledged. Once: nothing if the group has any.
 */
export async function ensureDemoGroupObservations(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<number> {
	const trainer = await findUserByEmail(db, DEMO_ACCOUNTS.trainer.email);
	if (!trainer) return 0;
	const group = (await listGroups(db, trainer.id)).find((g) => g.name === DEMO_GROUP_NAME);
	if (!group) return 0;
	if ((await findObservations(db, { groupId: group.id })).length > 0) return 0;
	const members = await listMembers(db, group.id);
	const byName = (name: string) => members.find((m) => m.displayName.startsWith(name))?.id;
	const competences = catalog.certifications.find((c) => c.id === 'tci')?.units.flatMap((u) => u.competences) ?? [];
	const [first, second] = competences;
	if (!first || !second) return 0;
	const today = todayInFrance(now);
	const values = (candidateIds: string[], criterionIds: string[], fields: Partial<ObservationFormValues>, score: (candidateId: string, criterionId: string) => string, comment = ''): ObservationFormValues => {
		const v: ObservationFormValues = { candidateIds, criterionIds, observedOn: today, place: '', situation: 'réelle', tutorName: '', tutorRole: '', results: {}, comments: {}, ...fields };
		for (const c of candidateIds) for (const k of criterionIds) {
			v.results[resultField(c, k)] = score(c, k);
			v.comments[commentField(c, k)] = comment;
		}
		return v;
	};
	const record = async (v: ObservationFormValues, at: Date, correcting: Awaited<ReturnType<typeof findObservations>>[number] | null = null) => {
		const result = await recordObservations(db, catalog, group, trainer.id, v, { now: at, correcting });
		return result.ok ? result.observationIds : [];
	};

	let count = 0;
	const workshop = [byName('Karim Benali'), byName('Nadia Haddad'), byName('Sarah Nguyen')].filter((id): id is string => !!id);
	const workshopCriteria = first.criteria.slice(0, 2).map((k) => k.id);
	const visit = await record(
		values(workshop, workshopCriteria, { observedOn: addDays(today, -12), place: 'Société Mécanix, Lyon — rendez-vous client', tutorName: 'Marc Dubois', tutorRole: 'responsable commercial' }, (c, k) => (c === workshop[1] && k === workshopCriteria[1] ? '0.5' : '1'), 'Veille présentée au client avec ses sources, synthèse claire.'),
		new Date(now.getTime() - 12 * DAY_MS)
	);
	count += visit.length;
	for (const id of visit.slice(0, 2)) await acknowledgeObservation(db, (await findObservations(db, { observationId: id }))[0]!.candidateId, id, new Date(now.getTime() - 11 * DAY_MS));

	// Nadia's result on the second criterion was mis-scored: corrected two days later.
	const [nadia] = visit.length > 1 ? await findObservations(db, { observationId: visit[1]! }) : [];
	if (nadia) {
		const corrected = await record(
			values([nadia.candidateId], workshopCriteria, { observedOn: nadia.observedOn, place: nadia.place, tutorName: nadia.tutorName ?? '', tutorRole: nadia.tutorRole ?? '' }, () => '1', 'Correction : le critère était bien acquis (vu avec le tuteur).'),
			new Date(now.getTime() - 10 * DAY_MS),
			nadia
		);
		count += corrected.length;
	}

	const julie = byName('Julie Moreau');
	if (julie) count += (await record(values([julie], [second.criteria[0]!.id], { observedOn: addDays(today, -6), place: 'Centre de formation — jeu de rôle', situation: 'reconstituée' }, () => '0.5', 'Bonne écoute ; reformulation du besoin à travailler.'), new Date(now.getTime() - 6 * DAY_MS))).length;

	const candidate = await findUserByEmail(db, DEMO_ACCOUNTS.candidate.email);
	if (candidate && members.some((m) => m.id === candidate.id)) {
		count += (await record(values([candidate.id], [second.criteria[1]?.id ?? second.criteria[0]!.id], { observedOn: addDays(today, -3), place: 'Entretien de suivi au centre', situation: 'entretien' }, () => '0.5', 'Exemples concrets de votre entreprise ; apportez le compte rendu de la dernière visite.'), new Date(now.getTime() - 3 * DAY_MS))).length;
	}
	return count;
}
