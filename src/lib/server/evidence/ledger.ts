import type { Executor } from '../db';
import type { Catalog } from '../content/types';
import { SOURCE_WEIGHTS } from '../mastery/model';
import { foldRow, latestSelf, touchedBy, type LedgerRow } from './fold';
import { findLedgerRows, findLiveSelfRows, insertLedgerRows } from './ledger.repository';
import { lockSummaries, saveSummaries } from './summary.repository';
import type { EvidenceSource, ObservationSituation } from './types';

/** One piece of evidence to append, of any source. */
export interface EvidenceEntry {
	criterionId: string;
	source: EvidenceSource;
	/** In [0, 1]; ignored for a withdrawal. */
	score: number;
	/** What produced it: an item, a scenario choice, an observation, a portfolio link. */
	itemRef: string;
	contentVersion: string;
	/** The trainer or accompagnateur who recorded it; null or absent for the engines. */
	recordedBy?: string | null;
	/** The row this one corrects (or withdraws, with `withdraw`). */
	supersedes?: number | null;
	/** Withdraws the superseded row: the new row has no score of its own. */
	withdraw?: boolean;
	situation?: ObservationSituation | null;
}

/** A correction or withdrawal that cannot apply: the caller's mistake, never a half-written ledger. */
export class LedgerConflict extends Error {}

/**
 * Appends evidence inside the caller's transaction and brings the per-criterion summaries up
 * to date through the same fold the rebuild uses: the criterion's own, and its equivalents in
 * other certifications (never for self-positioning). A row that supersedes another takes the
 * earlier one's effect out; a withdrawal only takes it out. Returns the rows' ids, in order.
 * Call it only inside a transaction: the summaries stay locked until it commits.
 */
export async function appendEvidence(tx: Executor, catalog: Pick<Catalog, 'equivalentsOf'>, userId: string, entries: EvidenceEntry[], at: Date): Promise<number[]> {
	if (entries.length === 0) return [];
	const supersededIds = entries.map((entry) => entry.supersedes).filter((id): id is number => typeof id === 'number');
	if (new Set(supersededIds).size !== supersededIds.length) throw new LedgerConflict('une même preuve ne peut être remplacée deux fois');
	const earlier = await findLedgerRows(tx, userId, supersededIds);
	for (const entry of entries) {
		if (entry.withdraw && typeof entry.supersedes !== 'number') throw new LedgerConflict('un retrait nomme la preuve qu’il retire');
		if (typeof entry.supersedes !== 'number') continue;
		const target = earlier.get(entry.supersedes);
		if (!target) throw new LedgerConflict('la preuve à remplacer n’existe pas pour ce compte');
		if (!target.live) throw new LedgerConflict('cette preuve a déjà été remplacée ou retirée');
		if (target.criterionId !== entry.criterionId || target.source !== entry.source) throw new LedgerConflict('une correction porte sur le même critère et la même source');
	}

	const inserted = await insertLedgerRows(
		tx,
		userId,
		entries.map((entry) => ({
			criterionId: entry.criterionId,
			source: entry.source,
			kind: entry.withdraw ? 'withdrawal' : 'record',
			score: entry.withdraw ? null : entry.score,
			weight: SOURCE_WEIGHTS[entry.source],
			itemRef: entry.itemRef,
			contentVersion: entry.contentVersion,
			recordedBy: entry.recordedBy ?? null,
			supersedes: entry.supersedes ?? null,
			situation: entry.situation ?? null
		})),
		at
	);

	const supersededOf = (row: LedgerRow) => (row.supersedes === null ? null : (earlier.get(row.supersedes) ?? null));
	const touched = inserted.flatMap((row) => touchedBy(row, supersededOf(row), catalog.equivalentsOf));
	const summaries = await lockSummaries(tx, userId, touched, at);
	const selfCriteria = new Set<string>();
	for (const row of inserted) {
		if (row.source === 'self') selfCriteria.add(row.criterionId);
		else foldRow(summaries, row, supersededOf(row), catalog.equivalentsOf);
	}
	// The self-rating is the latest live statement: read back after the insert, corrections included.
	if (selfCriteria.size) {
		const live = await findLiveSelfRows(tx, userId, [...selfCriteria]);
		for (const criterionId of selfCriteria) {
			const current = summaries.get(criterionId);
			if (current) summaries.set(criterionId, { ...current, ...latestSelf(live.filter((row) => row.criterionId === criterionId)) });
		}
	}
	await saveSummaries(tx, userId, summaries);
	return inserted.map((row) => row.id);
}
