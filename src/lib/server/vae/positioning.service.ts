import type { Kysely } from 'kysely';
import type { Catalog } from '../content/types';
import type { Database } from '../db';
import { withTransaction } from '../db/transaction';
import { appendEvidence } from '../evidence/ledger';
import { ANSWER_SCORES, type PositioningInput } from './positioning';
import { findCurrentPositioning, insertPositioning, lockEnrolment } from './positioning.repository';

/** The content version of evidence about the référentiel itself (not about a module's content). */
export const REFERENTIEL_VERSION = 'referentiel';

export type SavePositioningResult = { ok: true; saved: number } | { ok: false; reason: 'not-enrolled' | 'foreign-criterion' };

/**
 * Saves an applicant's statements on criteria of one certification. Each changed statement is a
 * new `self` evidence row superseding the previous one (the history is kept, both in the ledger
 * and beside it with the example); an unchanged one writes nothing, so a replayed form counts
 * nothing twice. The enrolment row is locked so two saves never supersede the same row.
 */
export async function savePositioning(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'criteria' | 'equivalentsOf'>,
	input: { userId: string; certificationId: string; entries: PositioningInput[]; at: Date }
): Promise<SavePositioningResult> {
	if (input.entries.some((entry) => catalog.criteria.get(entry.criterionId)?.certificationId !== input.certificationId)) return { ok: false, reason: 'foreign-criterion' };
	return withTransaction(db, async (tx) => {
		if (!(await lockEnrolment(tx, input.userId, input.certificationId))) return { ok: false, reason: 'not-enrolled' } as const;
		const current = await findCurrentPositioning(tx, input.userId, input.entries.map((entry) => entry.criterionId));
		const changed = input.entries.filter((entry) => {
			const before = current.get(entry.criterionId);
			return !before || before.answer !== entry.answer || before.example !== entry.example;
		});
		const ids = await appendEvidence(
			tx,
			catalog,
			input.userId,
			changed.map((entry) => ({
				criterionId: entry.criterionId,
				source: 'self' as const,
				score: ANSWER_SCORES[entry.answer],
				itemRef: 'positionnement',
				contentVersion: REFERENTIEL_VERSION,
				supersedes: current.get(entry.criterionId)?.evidenceId ?? null
			})),
			input.at
		);
		await insertPositioning(tx, input.userId, changed.map((entry, index) => ({ ...entry, evidenceId: ids[index]! })), input.at);
		return { ok: true, saved: changed.length } as const;
	});
}
