import type { Executor } from '../db';
import type { Pathway } from './pathway';

export type { Pathway };

export interface Enrolment {
	certificationId: string;
	pathway: Pathway;
	lastCompetenceId: string | null;
	lastActivityAt: Date | null;
	createdAt: Date;
}

/** Enrols the user; enrolling again keeps the first enrolment and updates the pathway. */
export async function enrol(db: Executor, userId: string, certificationId: string, pathway: Pathway): Promise<void> {
	await db
		.insertInto('enrolment')
		.values({ user_id: userId, certification_id: certificationId, pathway, last_competence_id: null, last_activity_at: null })
		.onConflict((oc) => oc.columns(['user_id', 'certification_id']).doUpdateSet({ pathway }))
		.execute();
}

export async function listEnrolments(db: Executor, userId: string): Promise<Enrolment[]> {
	const rows = await db
		.selectFrom('enrolment')
		.select(['certification_id', 'pathway', 'last_competence_id', 'last_activity_at', 'created_at'])
		.where('user_id', '=', userId)
		.orderBy('last_activity_at', (ob) => ob.desc().nullsLast())
		.orderBy('created_at')
		.execute();
	return rows.map((row) => ({
		certificationId: row.certification_id,
		pathway: row.pathway,
		lastCompetenceId: row.last_competence_id,
		lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at) : null,
		createdAt: new Date(row.created_at)
	}));
}

export async function findEnrolment(db: Executor, userId: string, certificationId: string): Promise<Enrolment | null> {
	return (await listEnrolments(db, userId)).find((enrolment) => enrolment.certificationId === certificationId) ?? null;
}

/** Remembers where the candidate left off in this certification. */
export async function touchEnrolment(db: Executor, userId: string, certificationId: string, competenceId: string, at: Date): Promise<void> {
	await db
		.updateTable('enrolment')
		.set({ last_competence_id: competenceId, last_activity_at: at })
		.where('user_id', '=', userId)
		.where('certification_id', '=', certificationId)
		.execute();
}
