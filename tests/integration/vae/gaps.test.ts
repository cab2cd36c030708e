import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportAccountData, deleteAccountNow } from '../../../src/lib/server/auth/account-data';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence } from '../../../src/lib/server/evidence/ledger';
import { addLink, commentExperience, createExperience, loadPortfolio, reviewLink } from '../../../src/lib/server/portfolio/portfolio.service';
import { accompanies } from '../../../src/lib/server/vae/accompagnement';
import { loadGapAnalysis } from '../../../src/lib/server/vae/gaps.service';
import { savePositioning } from '../../../src/lib/server/vae/positioning.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, experience, firstCompetence, insertVaeGroup, tci } from './support';

const NOW = new Date('2026-11-30T10:00:00Z');
const ids = firstCompetence.criteria.map((c) => c.id);
const quizItem = catalog.modules.find((m) => m.competenceId === firstCompetence.id)!.quiz[0]!;

describeEachEngine('VAE gap analysis', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		trainer = await insertTestUser(database.db, 'trainer');
	});
	afterAll(async () => database?.destroy());

	async function applicant(): Promise<string> {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await insertVaeGroup(database.db, trainer, [userId]);
		return userId;
	}
	const position = (userId: string, answers: Record<string, 'oui' | 'partiellement' | 'non'>) =>
		savePositioning(database.db, catalog, { userId, certificationId: 'tci', entries: Object.entries(answers).map(([criterionId, answer]) => ({ criterionId, answer, example: null })), at: NOW });
	const quiz = (userId: string, criterionId: string, right: number, wrong: number) =>
		withTransaction(database.db, (tx) =>
			appendEvidence(tx, catalog, userId, [...Array(right).fill(1), ...Array(wrong).fill(0)].map((score) => ({ criterionId, source: 'quiz' as const, score, itemRef: quizItem.id, contentVersion: 'v1' })), NOW)
		);
	/** `n` validated proofs of the criterion, each from its own experience. */
	async function proofs(userId: string, criterionId: string, n: number): Promise<void> {
		for (let i = 0; i < n; i++) {
			const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience({ title: `Expérience ${criterionId} ${i}` }), at: NOW }))!;
			await addLink(database.db, catalog, { userId, experienceId, criterionId, justification: 'Preuve.', at: NOW });
		}
		for (const view of await loadPortfolio(database.db, userId, 'tci')) {
			for (const link of view.links.filter((l) => l.criterionId === criterionId && l.status === 'à revoir')) {
				await reviewLink(database.db, catalog, accompanies, { reviewerId: trainer, linkId: link.id, decision: 'validée', reason: null, at: NOW });
			}
		}
	}
	const classesOf = async (userId: string) => {
		const units = await loadGapAnalysis(database.db, catalog, userId, tci, NOW);
		return new Map(units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((k) => [k.id, k] as const))));
	};

	it('puts each constructed case in its class, overlaps included', async () => {
		const userId = await applicant();
		const [proved, provedDespiteQuiz, consolidate, toProve, oneProof, toAcquire, unpositioned, provedUnpositioned] = ids;
		await position(userId, { [proved!]: 'oui', [provedDespiteQuiz!]: 'oui', [consolidate!]: 'partiellement', [toProve!]: 'oui', [oneProof!]: 'oui', [toAcquire!]: 'non' });
		await proofs(userId, proved!, 3);
		// Four validated proofs reach « démontré » despite one wrong quiz answer.
		await proofs(userId, provedDespiteQuiz!, 4);
		await quiz(userId, provedDespiteQuiz!, 0, 1);
		// One validated proof with mostly wrong quiz answers: the contradiction wins.
		await proofs(userId, consolidate!, 1);
		await quiz(userId, consolidate!, 1, 4);
		await proofs(userId, oneProof!, 1);
		await quiz(userId, toAcquire!, 0, 6);
		await proofs(userId, provedUnpositioned!, 3);

		const gaps = await classesOf(userId);
		expect(gaps.get(proved!)!.gap).toBe('prouvé');
		expect(gaps.get(provedDespiteQuiz!)!.gap).toBe('prouvé');
		expect(gaps.get(consolidate!)!.gap).toBe('à consolider');
		expect(gaps.get(toProve!)!.gap).toBe('à prouver');
		expect(gaps.get(oneProof!)!.gap).toBe('à prouver');
		expect(gaps.get(toAcquire!)!.gap).toBe('à acquérir');
		expect(gaps.get(unpositioned!)!.gap).toBe('non positionné');
		expect(gaps.get(provedUnpositioned!)!.gap).toBe('prouvé');

		// The contradiction is shown with the answers behind it.
		const contradiction = gaps.get(consolidate!)!.contradiction!;
		expect(contradiction.estimate).toBeLessThan(0.5);
		expect(contradiction.answers.filter((a) => !a.right)).toHaveLength(4);
		expect(contradiction.answers[0]!.label).toContain(quizItem.prompt);
		// Each gap links to what closes it.
		expect(gaps.get(toProve!)!.actions[0]!.href).toContain('/vae/tci/experiences');
		expect(gaps.get(unpositioned!)!.actions[0]!.href).toBe('/vae/tci/positionnement/c1');
		expect(gaps.get(toAcquire!)!.actions[0]!.href).toBe('/modules/tci/c1');
		expect(gaps.get(proved!)!.actions).toEqual([]);

		const [unit] = await loadGapAnalysis(database.db, catalog, userId, tci, NOW);
		const competence = unit!.competences[0]!;
		const total = firstCompetence.criteria.length;
		expect(competence.counts).toEqual({ prouvé: 3, 'à consolider': 1, 'à prouver': 2, 'à acquérir': 1, 'non positionné': total - 7 });
		expect(unit!.reach.why).toMatch(/seul le jury paritaire de délibération/);
	});

	it('a link « à compléter » points the gap to the experience to complete', async () => {
		const userId = await applicant();
		await position(userId, { [ids[0]!]: 'oui' });
		const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience(), at: NOW }))!;
		await addLink(database.db, catalog, { userId, experienceId, criterionId: ids[0]!, justification: 'Preuve.', at: NOW });
		const [view] = await loadPortfolio(database.db, userId, 'tci');
		await reviewLink(database.db, catalog, accompanies, { reviewerId: trainer, linkId: view!.links[0]!.id, decision: 'à compléter', reason: 'Chiffrez.', at: NOW });
		const gap = (await classesOf(userId)).get(ids[0]!)!;
		expect(gap).toMatchObject({ gap: 'à prouver', links: { validated: 0, waiting: 0, toComplete: 1 } });
		expect(gap.actions[0]!.href).toBe(`/vae/tci/experiences/${experienceId}`);
	});

	it('the RGPD export holds the applicant’s positioning, experiences, links, reviews and comments; deletion removes them', async () => {
		const userId = await applicant();
		await position(userId, { [ids[0]!]: 'oui' });
		const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience(), at: NOW }))!;
		await addLink(database.db, catalog, { userId, experienceId, criterionId: ids[0]!, justification: 'Preuve.', at: NOW });
		const [view] = await loadPortfolio(database.db, userId, 'tci');
		await reviewLink(database.db, catalog, accompanies, { reviewerId: trainer, linkId: view!.links[0]!.id, decision: 'validée', reason: null, at: NOW });
		expect(await commentExperience(database.db, accompanies, { authorId: trainer, experienceId, body: 'Bonne description.', at: NOW })).toBe(true);

		const data = await exportAccountData(database.db, userId);
		for (const table of ['vae_positioning', 'portfolio_experience', 'portfolio_link', 'portfolio_review', 'portfolio_comment']) expect(data.tables[table], table).toHaveLength(1);

		await deleteAccountNow(database.db, userId);
		for (const table of ['vae_positioning', 'portfolio_experience', 'portfolio_link', 'portfolio_review', 'portfolio_comment'] as const) {
			expect(await database.db.selectFrom(table).select('user_id').where('user_id', '=', userId).execute(), table).toEqual([]);
		}
		// The accompagnateur's account deletion keeps an applicant's reviews, unsigned.
		const other = await applicant();
		const otherExperience = (await createExperience(database.db, { userId: other, certificationId: 'tci', experience: experience(), at: NOW }))!;
		await addLink(database.db, catalog, { userId: other, experienceId: otherExperience, criterionId: ids[0]!, justification: 'Preuve.', at: NOW });
		const [otherView] = await loadPortfolio(database.db, other, 'tci');
		await reviewLink(database.db, catalog, accompanies, { reviewerId: trainer, linkId: otherView!.links[0]!.id, decision: 'validée', reason: null, at: NOW });
		await deleteAccountNow(database.db, trainer);
		const [after] = await loadPortfolio(database.db, other, 'tci');
		expect(after!.links[0]).toMatchObject({ status: 'validée' });
		expect(after!.links[0]!.reviews[0]).toMatchObject({ decision: 'validée', reviewerName: null });
	});
});
