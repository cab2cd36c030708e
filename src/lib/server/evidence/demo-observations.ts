import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { findUserByEmail } from '../auth/users.repository';
import type { Catalog } from '../content/types';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { levelsOf } from '../mastery/model';
import { appendEvidence } from './ledger';
import { findSummaries } from './summary.repository';

const DAY_MS = 86_400_000;

/**
 * A few observations of the demo trainer on the demo candidate, so the map shows both levels:
 * on the criteria of the first TCI module the candidate has acquired in training, two
 * observations in a real work situation (one corrected after the fact), and one in a
 * reconstituted situation, which never makes a criterion « démontré ». Does nothing once the
 * candidate has any observation.
 */
export async function ensureDemoObservations(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<number> {
	const trainer = await findUserByEmail(db, DEMO_ACCOUNTS.trainer.email);
	const candidate = await findUserByEmail(db, DEMO_ACCOUNTS.candidate.email);
	if (!trainer || !candidate) return 0;
	const existing = await db.selectFrom('evidence').select('id').where('user_id', '=', candidate.id).where('source', '=', 'observation').executeTakeFirst();
	if (existing) return 0;
	const competence = catalog.certifications.find((c) => c.id === 'tci')?.units[0]?.competences[0];
	if (!competence) return 0;
	const summaries = await findSummaries(db, candidate.id, competence.criteria.map((criterion) => criterion.id));
	const trained = competence.criteria.filter((criterion) => levelsOf(summaries.get(criterion.id) ?? null, now).training).slice(0, 3);
	const observed = trained.length ? trained : competence.criteria.slice(0, 2);
	const entry = (criterionId: string, score: number, situation: 'réelle' | 'reconstituée', itemRef: string) => ({
		criterionId,
		source: 'observation' as const,
		score,
		situation,
		itemRef,
		contentVersion: 'démo',
		recordedBy: trainer.id
	});
	return withTransaction(db, async (tx) => {
		let count = 0;
		for (const [index, criterion] of observed.entries()) {
			const first = await appendEvidence(tx, catalog, candidate.id, [entry(criterion.id, index === 0 ? 0.5 : 1, 'réelle', 'démo : visite en entreprise')], new Date(now.getTime() - 10 * DAY_MS));
			// The first one is corrected a day later: the trainer had mis-scored it.
			if (index === 0) await appendEvidence(tx, catalog, candidate.id, [{ ...entry(criterion.id, 1, 'réelle', 'démo : correction'), supersedes: first[0] }], new Date(now.getTime() - 9 * DAY_MS));
			await appendEvidence(tx, catalog, candidate.id, [entry(criterion.id, 1, 'réelle', 'démo : entretien de suivi')], new Date(now.getTime() - 3 * DAY_MS));
			count += 2;
		}
		const other = competence.criteria.find((criterion) => !observed.includes(criterion));
		if (other) {
			await appendEvidence(tx, catalog, candidate.id, [entry(other.id, 1, 'reconstituée', 'démo : jeu de rôle en centre')], new Date(now.getTime() - 2 * DAY_MS));
			count++;
		}
		return count;
	});
}
