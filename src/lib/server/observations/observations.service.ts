import type { Kysely } from 'kysely';
import type { Catalog } from '../content/types';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { appendEvidence, LedgerConflict } from '../evidence/ledger';
import { todayInFrance } from '../groups/days';
import { isUuid, listMembers, type Group } from '../groups/groups.repository';
import { checkObservationForm, type ObservationFormErrors, type ObservationFormValues } from './observation-form';
import { findObservations, insertObservation, insertResults, requestAlreadyRecorded, type ObservationRecord } from './observations.repository';

/** The ledger's item reference of an observation's results: says what produced the evidence. */
export const observationItemRef = (observationId: string) => `observation:${observationId}`;

const criterionIdsOfCertification = (catalog: Pick<Catalog, 'certifications'>, certificationId: string) =>
	new Set(catalog.certifications.find((c) => c.id === certificationId)?.units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((k) => k.id))) ?? []);

/** The observation of this group, or null: an id of another group looks like no observation. */
export async function findGroupObservation(db: Kysely<Database>, group: Group, observationId: string): Promise<ObservationRecord | null> {
	if (!isUuid(observationId)) return null;
	const [found] = await findObservations(db, { observationId, groupId: group.id });
	return found ?? null;
}

/**
 * Records what a trainer observed, for one or several candidates of the group on the same
 * criteria: per candidate one observation, and per criterion one row of the ledger (source
 * observation, recorded by the trainer, with the situation), all in one transaction: nothing
 * is half written. With `correcting`, the one candidate's earlier observation is superseded,
 * and each result supersedes the ledger row of the same criterion, so only the correction
 * counts and the history stays. The same form sent twice (request key) records once.
 */
export async function recordObservations(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'certifications' | 'equivalentsOf'>,
	group: Group,
	trainerId: string,
	values: ObservationFormValues,
	options: { now: Date; requestKey?: string | null; correcting?: ObservationRecord | null }
): Promise<{ ok: true; observationIds: string[] } | { ok: false; errors: ObservationFormErrors }> {
	const requestKey = options.requestKey && /^[A-Za-z0-9_-]{16,64}$/.test(options.requestKey) ? options.requestKey : null;
	const correcting = options.correcting ?? null;
	if (correcting && correcting.supersededBy) return { ok: false, errors: { form: 'Cette observation a déjà été corrigée : corrigez plutôt la plus récente.' } };
	return withTransaction(db, async (tx) => {
		const members = new Set((await listMembers(tx, group.id)).map((m) => m.id));
		const checked = checkObservationForm(values, { memberIds: members, criterionIds: criterionIdsOfCertification(catalog, group.certificationId), today: todayInFrance(options.now) });
		if (!checked.ok) return checked;
		const { draft } = checked;
		if (correcting && (draft.candidates.length !== 1 || draft.candidates[0]!.candidateId !== correcting.candidateId)) {
			return { ok: false as const, errors: { candidateIds: 'Une correction porte sur le candidat de l’observation corrigée.' } };
		}
		const ids: string[] = [];
		try {
			for (const { candidateId, results } of draft.candidates) {
				if (requestKey && (await requestAlreadyRecorded(tx, candidateId, requestKey))) continue;
				const observationId = await insertObservation(
					tx,
					{ candidateId, groupId: group.id, certificationId: group.certificationId, recordedBy: trainerId, observedOn: draft.observedOn, place: draft.place, situation: draft.situation, tutorName: draft.tutorName, tutorRole: draft.tutorRole, supersedes: correcting?.id ?? null, requestKey },
					options.now
				);
				const earlier = new Map(correcting?.results.map((r) => [r.criterionId, r.evidenceId]) ?? []);
				const evidenceIds = await appendEvidence(
					tx,
					catalog,
					candidateId,
					results.map((r) => ({
						criterionId: r.criterionId,
						source: 'observation' as const,
						score: r.score,
						itemRef: observationItemRef(observationId),
						contentVersion: 'observation',
						recordedBy: trainerId,
						situation: draft.situation,
						supersedes: earlier.get(r.criterionId) ?? null
					})),
					options.now
				);
				// A criterion of the corrected observation left out of the correction is withdrawn.
				const kept = new Set(results.map((r) => r.criterionId));
				const dropped = [...earlier].filter(([criterionId]) => !kept.has(criterionId));
				if (dropped.length) {
					await appendEvidence(
						tx,
						catalog,
						candidateId,
						dropped.map(([criterionId, evidenceId]) => ({ criterionId, source: 'observation' as const, score: 0, itemRef: observationItemRef(observationId), contentVersion: 'observation', recordedBy: trainerId, supersedes: evidenceId, withdraw: true })),
						options.now
					);
				}
				await insertResults(tx, observationId, results.map((r, i) => ({ ...r, evidenceId: evidenceIds[i]! })));
				ids.push(observationId);
			}
		} catch (error) {
			if (error instanceof LedgerConflict) throw new ObservationConflict(error.message);
			throw error;
		}
		return { ok: true as const, observationIds: ids };
	});
}

/** A correction raced another one: nothing was written. */
export class ObservationConflict extends Error {}
