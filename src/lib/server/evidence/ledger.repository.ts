import type { Executor } from '../db';
import type { LedgerRow } from './fold';
import type { EvidenceKind, EvidenceSource, ObservationSituation } from './types';

/** A row to append. */
export interface NewLedgerRow {
	criterionId: string;
	source: EvidenceSource;
	kind: EvidenceKind;
	score: number | null;
	weight: number;
	itemRef: string;
	contentVersion: string;
	recordedBy: string | null;
	supersedes: number | null;
	situation: ObservationSituation | null;
}

/** The one column list of the fold's reads. */
const LEDGER_COLUMNS = ['id', 'criterion_id', 'source', 'kind', 'score', 'weight', 'created_at', 'situation', 'supersedes'] as const;

type LedgerSelect = { id: number | string; criterion_id: string; source: EvidenceSource; kind: EvidenceKind; score: number | null; weight: number; created_at: Date | string; situation: ObservationSituation | null; supersedes: number | string | null };

/** The one mapper from an evidence row to what the fold reads (bigint ids arrive as strings from pg). */
export function toLedgerRow(row: LedgerSelect): LedgerRow {
	return {
		id: Number(row.id),
		criterionId: row.criterion_id,
		source: row.source,
		kind: row.kind,
		score: row.score,
		weight: row.weight,
		at: new Date(row.created_at),
		situation: row.situation,
		supersedes: row.supersedes === null ? null : Number(row.supersedes)
	};
}

export async function insertLedgerRows(tx: Executor, userId: string, rows: NewLedgerRow[], at: Date): Promise<LedgerRow[]> {
	if (rows.length === 0) return [];
	const inserted = await tx
		.insertInto('evidence')
		.values(
			rows.map((row) => ({
				user_id: userId,
				criterion_id: row.criterionId,
				source: row.source,
				kind: row.kind,
				score: row.score,
				weight: row.weight,
				item_ref: row.itemRef,
				content_version: row.contentVersion,
				recorded_by: row.recordedBy,
				supersedes: row.supersedes,
				situation: row.situation,
				created_at: at
			}))
		)
		.returning(LEDGER_COLUMNS)
		.execute();
	return inserted.map(toLedgerRow);
}

/** Rows of this user by id, with whether a later row already supersedes each. */
export async function findLedgerRows(tx: Executor, userId: string, ids: number[]): Promise<Map<number, LedgerRow & { live: boolean }>> {
	if (ids.length === 0) return new Map();
	const rows = await tx
		.selectFrom('evidence')
		.select(LEDGER_COLUMNS)
		.select((eb) => eb.exists(eb.selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id')).as('superseded'))
		.where('user_id', '=', userId)
		.where('id', 'in', ids)
		.execute();
	return new Map(rows.map((row) => [Number(row.id), { ...toLedgerRow(row), live: !row.superseded }]));
}

/** The user's whole ledger in row order: what the rebuild folds. */
export async function findUserLedger(tx: Executor, userId: string): Promise<LedgerRow[]> {
	const rows = await tx.selectFrom('evidence').select(LEDGER_COLUMNS).where('user_id', '=', userId).orderBy('id').execute();
	return rows.map(toLedgerRow);
}

/** The live self-positioning statements of a user on these criteria. */
export async function findLiveSelfRows(tx: Executor, userId: string, criterionIds: string[]): Promise<LedgerRow[]> {
	if (criterionIds.length === 0) return [];
	const rows = await tx
		.selectFrom('evidence')
		.select(LEDGER_COLUMNS)
		.where('user_id', '=', userId)
		.where('source', '=', 'self')
		.where('kind', '=', 'record')
		.where('criterion_id', 'in', criterionIds)
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence as later').select('later.id').whereRef('later.supersedes', '=', 'evidence.id'))))
		.execute();
	return rows.map(toLedgerRow);
}
