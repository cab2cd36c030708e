import type { Certification } from '../content/types';
import type { Executor } from '../db';
import { findCurrentPositioning } from './positioning.repository';

export interface PositioningProgress {
	positioned: number;
	total: number;
	competences: { id: string; number: string; title: string; positioned: number; total: number }[];
}

/** How much of the référentiel the applicant has positioned, in total and per competence. */
export async function loadPositioningProgress(db: Executor, userId: string, certification: Certification): Promise<PositioningProgress> {
	const competences = certification.units.flatMap((u) => u.competences);
	const current = await findCurrentPositioning(db, userId, competences.flatMap((c) => c.criteria.map((k) => k.id)));
	const rows = competences.map((c) => ({ id: c.id, number: c.number, title: c.title, positioned: c.criteria.filter((k) => current.has(k.id)).length, total: c.criteria.length }));
	return { positioned: rows.reduce((n, r) => n + r.positioned, 0), total: rows.reduce((n, r) => n + r.total, 0), competences: rows };
}
