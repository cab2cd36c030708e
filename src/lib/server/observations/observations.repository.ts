import type { Executor } from '../db';
import type { ObservationSituation } from '../evidence/types';
import type { IsoDay } from '../groups/days';

/** An observation as pages read it: its header, results, who recorded it, and the acknowledgement. */
export interface ObservationRecord {
	id: string;
	candidateId: string;
	candidateName: string;
	groupId: string | null;
	certificationId: string;
	recordedBy: string | null;
	recorderName: string | null;
	observedOn: IsoDay;
	place: string;
	situation: ObservationSituation;
	tutorName: string | null;
	tutorRole: string | null;
	supersedes: string | null;
	/** The observation that corrects this one, if any: it no longer counts. */
	supersededBy: string | null;
	createdAt: Date;
	acknowledgedAt: Date | null;
	results: Array<{ criterionId: string; score: number; comment: string | null; evidenceId: number }>;
}

export interface NewObservation {
	candidateId: string;
	groupId: string;
	certificationId: string;
	recordedBy: string;
	observedOn: IsoDay;
	place: string;
	situation: ObservationSituation;
	tutorName: string | null;
	tutorRole: string | null;
	supersedes: string | null;
	requestKey: string | null;
}

export async function insertObservation(tx: Executor, values: NewObservation, at: Date): Promise<string> {
	const row = await tx
		.insertInto('observation')
		.values({
			candidate_id: values.candidateId,
			group_id: values.groupId,
			certification_id: values.certificationId,
			recorded_by: values.recordedBy,
			observed_on: values.observedOn,
			place: values.place,
			situation: values.situation,
			tutor_name: values.tutorName,
			tutor_role: values.tutorRole,
			supersedes: values.supersedes,
			request_key: values.requestKey,
			created_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function insertResults(tx: Executor, observationId: string, results: Array<{ criterionId: string; score: number; comment: string | null; evidenceId: number }>): Promise<void> {
	if (results.length === 0) return;
	await tx
		.insertInto('observation_result')
		.values(results.map((r) => ({ observation_id: observationId, criterion_id: r.criterionId, score: r.score, comment: r.comment, evidence_id: r.evidenceId })))
		.execute();
}

/** True when this form (request key) already recorded an observation of the candidate. */
export async function requestAlreadyRecorded(db: Executor, candidateId: string, requestKey: string): Promise<boolean> {
	const row = await db.selectFrom('observation').select('id').where('candidate_id', '=', candidateId).where('request_key', '=', requestKey).executeTakeFirst();
	return row !== undefined;
}

type Filter = { candidateIds?: string[]; groupId?: string; observationId?: string };

/**
 * Observations with their results, newest first, in two queries whatever their number:
 * of some candidates, of a group, or one by id.
 */
export async function findObservations(db: Executor, filter: Filter): Promise<ObservationRecord[]> {
	if (filter.candidateIds && filter.candidateIds.length === 0) return [];
	let query = db
		.selectFrom('observation')
		.innerJoin('app_user as candidate', 'candidate.id', 'observation.candidate_id')
		.leftJoin('app_user as recorder', 'recorder.id', 'observation.recorded_by')
		.leftJoin('observation_acknowledgement as ack', 'ack.observation_id', 'observation.id')
		.leftJoin('observation as later', 'later.supersedes', 'observation.id')
		.select([
			'observation.id',
			'observation.candidate_id',
			'candidate.display_name as candidate_name',
			'observation.group_id',
			'observation.certification_id',
			'observation.recorded_by',
			'recorder.display_name as recorder_name',
			'observation.observed_on',
			'observation.place',
			'observation.situation',
			'observation.tutor_name',
			'observation.tutor_role',
			'observation.supersedes',
			'later.id as superseded_by',
			'observation.created_at',
			'ack.acknowledged_at'
		]);
	if (filter.candidateIds) query = query.where('observation.candidate_id', 'in', filter.candidateIds);
	if (filter.groupId) query = query.where('observation.group_id', '=', filter.groupId);
	if (filter.observationId) query = query.where('observation.id', '=', filter.observationId);
	const rows = await query.orderBy('observation.created_at', 'desc').orderBy('observation.id').execute();
	if (rows.length === 0) return [];
	const results = await db
		.selectFrom('observation_result')
		.select(['observation_id', 'criterion_id', 'score', 'comment', 'evidence_id'])
		.where(
			'observation_id',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('criterion_id')
		.execute();
	const byObservation = new Map<string, ObservationRecord['results']>();
	for (const r of results) {
		const list = byObservation.get(r.observation_id) ?? [];
		list.push({ criterionId: r.criterion_id, score: r.score, comment: r.comment, evidenceId: Number(r.evidence_id) });
		byObservation.set(r.observation_id, list);
	}
	return rows.map((r) => ({
		id: r.id,
		candidateId: r.candidate_id,
		candidateName: r.candidate_name,
		groupId: r.group_id,
		certificationId: r.certification_id,
		recordedBy: r.recorded_by,
		recorderName: r.recorder_name,
		observedOn: r.observed_on,
		place: r.place,
		situation: r.situation,
		tutorName: r.tutor_name,
		tutorRole: r.tutor_role,
		supersedes: r.supersedes,
		supersededBy: r.superseded_by,
		createdAt: new Date(r.created_at),
		acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
		results: (byObservation.get(r.id) ?? []).sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'fr', { numeric: true }))
	}));
}

/** The candidate says they have read their own observation; the first time only counts. True when it is theirs. */
export async function acknowledgeObservation(db: Executor, candidateId: string, observationId: string, at: Date): Promise<boolean> {
	const own = await db.selectFrom('observation').select('id').where('id', '=', observationId).where('candidate_id', '=', candidateId).executeTakeFirst();
	if (!own) return false;
	await db
		.insertInto('observation_acknowledgement')
		.values({ observation_id: observationId, acknowledged_at: at })
		.onConflict((oc) => oc.column('observation_id').doNothing())
		.execute();
	return true;
}

/** How many observations the candidate has on a certification, and how many are not yet acknowledged (corrected ones left out). */
export async function countObservations(db: Executor, candidateId: string, certificationId: string): Promise<{ total: number; unread: number }> {
	const rows = await db
		.selectFrom('observation')
		.leftJoin('observation_acknowledgement as ack', 'ack.observation_id', 'observation.id')
		.leftJoin('observation as later', 'later.supersedes', 'observation.id')
		.select(['ack.acknowledged_at'])
		.where('observation.candidate_id', '=', candidateId)
		.where('observation.certification_id', '=', certificationId)
		.where('later.id', 'is', null)
		.execute();
	return { total: rows.length, unread: rows.filter((r) => !r.acknowledged_at).length };
}
