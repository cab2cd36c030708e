import type { Executor } from '../db';
import type { PositioningAnswer } from './positioning';

export interface PositioningStatement {
	id: number;
	criterionId: string;
	answer: PositioningAnswer;
	example: string | null;
	/** The `self` evidence row behind it: the next revision supersedes it. */
	evidenceId: number;
	at: Date;
}

const COLUMNS = ['id', 'criterion_id', 'answer', 'example', 'evidence_id', 'created_at'] as const;
type Row = { id: number | string; criterion_id: string; answer: PositioningAnswer; example: string | null; evidence_id: number | string; created_at: Date | string };

function toStatement(row: Row): PositioningStatement {
	return { id: Number(row.id), criterionId: row.criterion_id, answer: row.answer, example: row.example, evidenceId: Number(row.evidence_id), at: new Date(row.created_at) };
}

/** The latest statement per criterion (all the user's criteria when `criterionIds` is absent). */
export async function findCurrentPositioning(db: Executor, userId: string, criterionIds?: readonly string[]): Promise<Map<string, PositioningStatement>> {
	if (criterionIds && criterionIds.length === 0) return new Map();
	let query = db.selectFrom('vae_positioning').select(COLUMNS).distinctOn('criterion_id').where('user_id', '=', userId);
	if (criterionIds) query = query.where('criterion_id', 'in', [...criterionIds]);
	const rows = await query.orderBy('criterion_id').orderBy('id', 'desc').execute();
	return new Map(rows.map((row) => [row.criterion_id, toStatement(row)]));
}

/** Every statement on these criteria, newest first: the history the page shows. */
export async function findPositioningHistory(db: Executor, userId: string, criterionIds: readonly string[]): Promise<PositioningStatement[]> {
	if (criterionIds.length === 0) return [];
	const rows = await db.selectFrom('vae_positioning').select(COLUMNS).where('user_id', '=', userId).where('criterion_id', 'in', [...criterionIds]).orderBy('id', 'desc').execute();
	return rows.map(toStatement);
}

export async function insertPositioning(db: Executor, userId: string, rows: { criterionId: string; answer: PositioningAnswer; example: string | null; evidenceId: number }[], at: Date): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('vae_positioning')
		.values(rows.map((row) => ({ user_id: userId, criterion_id: row.criterionId, answer: row.answer, example: row.example, evidence_id: row.evidenceId, created_at: at })))
		.execute();
}

/** Locks the enrolment row: one applicant's saves on a certification run one after another. */
export async function lockEnrolment(db: Executor, userId: string, certificationId: string): Promise<boolean> {
	const row = await db.selectFrom('enrolment').select('id').where('user_id', '=', userId).where('certification_id', '=', certificationId).forUpdate().executeTakeFirst();
	return row !== undefined;
}
