import type { Executor } from '../db';
import type { EvidenceKind, EvidenceSource, ObservationSituation } from '../evidence/types';

/** One ledger row as the trainer's drill-down shows it. */
export interface EvidenceLine {
	id: number;
	criterionId: string;
	source: EvidenceSource;
	kind: EvidenceKind;
	score: number | null;
	itemRef: string;
	situation: ObservationSituation | null;
	at: Date;
	recorderName: string | null;
	/** Replaced or withdrawn by a later row: no longer counts. */
	superseded: boolean;
}

/** The candidate's ledger on one certification's criteria, newest first, with who recorded each row (one query). */
export async function findEvidenceLines(db: Executor, userId: string, certificationId: string): Promise<EvidenceLine[]> {
	const rows = await db
		.selectFrom('evidence')
		.leftJoin('app_user as recorder', 'recorder.id', 'evidence.recorded_by')
		.leftJoin('evidence as later', 'later.supersedes', 'evidence.id')
		.select([
			'evidence.id',
			'evidence.criterion_id',
			'evidence.source',
			'evidence.kind',
			'evidence.score',
			'evidence.item_ref',
			'evidence.situation',
			'evidence.created_at',
			'recorder.display_name as recorder_name',
			'later.id as later_id'
		])
		.where('evidence.user_id', '=', userId)
		.where('evidence.criterion_id', 'like', `${certificationId}.%`)
		.where('evidence.source', '<>', 'self')
		.orderBy('evidence.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		criterionId: r.criterion_id,
		source: r.source,
		kind: r.kind,
		score: r.score,
		itemRef: r.item_ref,
		situation: r.situation,
		at: new Date(r.created_at),
		recorderName: r.recorder_name,
		superseded: r.later_id !== null
	}));
}
