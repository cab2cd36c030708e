import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { ensureDemoObservations } from '../../../src/lib/server/evidence/demo-observations';
import { appendEvidence } from '../../../src/lib/server/evidence/ledger';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { levelsOf } from '../../../src/lib/server/mastery/model';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { realCatalog } from '../mastery/support';

const catalog = realCatalog();
const competence = catalog.certifications.find((c) => c.id === 'tci')!.units[0]!.competences[0]!;

describeEachEngine('demo observations', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	it('make some of the demo candidate’s trained criteria « démontré », never through a reconstituted situation, once', async () => {
		await insertTestUser(database.db, { role: 'trainer', email: DEMO_ACCOUNTS.trainer.email });
		const candidate = await insertTestUser(database.db, { email: DEMO_ACCOUNTS.candidate.email, enrolIn: ['tci'] });
		const now = new Date();
		const trained = competence.criteria.slice(0, 3);
		await withTransaction(database.db, (tx) =>
			appendEvidence(tx, catalog, candidate, trained.flatMap((criterion) => [
				...Array.from({ length: 4 }, () => ({ criterionId: criterion.id, source: 'quiz' as const, score: 1, itemRef: 'q', contentVersion: 'v' })),
				{ criterionId: criterion.id, source: 'scenario' as const, score: 1, itemRef: 's', contentVersion: 'v' }
			]), new Date(now.getTime() - 20 * 86_400_000))
		);
		expect(await ensureDemoObservations(database.db, catalog, now)).toBeGreaterThan(0);
		const summaries = await findSummaries(database.db, candidate, competence.criteria.map((criterion) => criterion.id));
		for (const criterion of trained) expect(levelsOf(summaries.get(criterion.id)!, now), criterion.id).toEqual({ training: true, demonstrated: true });
		const reconstituted = await database.db.selectFrom('evidence').select('criterion_id').where('user_id', '=', candidate).where('situation', '=', 'reconstituée').execute();
		expect(reconstituted).toHaveLength(1);
		expect(levelsOf(summaries.get(reconstituted[0]!.criterion_id) ?? null, now).demonstrated).toBe(false);
		expect(await database.db.selectFrom('evidence').select('id').where('user_id', '=', candidate).where('supersedes', 'is not', null).execute()).toHaveLength(1);
		expect(await ensureDemoObservations(database.db, catalog, now)).toBe(0);
	});
});
