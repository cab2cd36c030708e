import type { Executor } from '../db';
import type { EvidenceSource } from '../db/schema';
import { addEvidence, SOURCE_WEIGHTS } from '../mastery/model';
import { lockSummaries, saveSummaries } from '../mastery/summary.repository';

export interface NewEvidence {
	criterionId: string;
	source: EvidenceSource;
	score: number;
	itemRef: string;
	contentVersion: string;
}

/**
 * Appends evidence rows and brings the per-criterion summaries up to date in the same
 * transaction (the caller's), including the equivalent criteria of other certifications.
 * Call it only inside a transaction: the summaries are locked until it commits.
 */
export async function recordEvidence(
	tx: Executor,
	userId: string,
	entries: NewEvidence[],
	at: Date,
	equivalentsOf: (criterionId: string) => string[]
): Promise<void> {
	if (entries.length === 0) return;
	await tx
		.insertInto('evidence')
		.values(
			entries.map((entry) => ({
				user_id: userId,
				criterion_id: entry.criterionId,
				source: entry.source,
				score: entry.score,
				weight: SOURCE_WEIGHTS[entry.source],
				item_ref: entry.itemRef,
				content_version: entry.contentVersion,
				created_at: at
			}))
		)
		.execute();

	const touched = entries.flatMap((entry) => [entry.criterionId, ...equivalentsOf(entry.criterionId)]);
	const summaries = await lockSummaries(tx, userId, touched, at);
	for (const entry of entries) {
		const evidence = { source: entry.source, score: entry.score, weight: SOURCE_WEIGHTS[entry.source], at };
		const own = summaries.get(entry.criterionId);
		if (own) summaries.set(entry.criterionId, addEvidence(own, evidence));
		// Self-positioning stays with its own criterion: it is a statement, not a proof.
		if (entry.source === 'self') continue;
		for (const equivalent of equivalentsOf(entry.criterionId)) {
			const other = summaries.get(equivalent);
			if (other) summaries.set(equivalent, addEvidence(other, { ...evidence, viaEquivalence: true }));
		}
	}
	await saveSummaries(tx, userId, summaries);
}
