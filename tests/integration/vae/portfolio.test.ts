import { afterAll, beforeAll, expect, it } from 'vitest';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { levelsOf } from '../../../src/lib/server/mastery/model';
import { listReviews } from '../../../src/lib/server/portfolio/portfolio.repository';
import { addLink, createExperience, deleteExperience, deleteLink, linkItemRef, loadPortfolio, reviewLink, updateExperience, updateLinkJustification, type ReviewAccess } from '../../../src/lib/server/portfolio/portfolio.service';
import { accompanies } from '../../../src/lib/server/vae/accompagnement';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, experience, firstCompetence, insertVaeGroup, otherCertificationCriterion } from './support';

const NOW = new Date('2026-11-30T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const [c1, c2, c3] = firstCompetence.criteria.map((c) => c.id);

describeEachEngine('portfolio: experiences, links and their review', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	let stranger: string;
	const mayReview: ReviewAccess = (tx, reviewerId, applicantId, certificationId) => accompanies(tx, reviewerId, applicantId, certificationId);
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		trainer = await insertTestUser(database.db, 'trainer');
		stranger = await insertTestUser(database.db, 'trainer');
	});
	afterAll(async () => database?.destroy());

	/** An applicant in a VAE group of `trainer`, with one experience linked to c1 and c2. */
	async function applicantWithLinks() {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await insertVaeGroup(database.db, trainer, [userId]);
		const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience(), at: NOW }))!;
		for (const criterionId of [c1!, c2!]) expect(await addLink(database.db, catalog, { userId, experienceId, criterionId, justification: 'J’ai mené ces offres.', at: NOW })).toEqual({ ok: true });
		const [portfolio] = await loadPortfolio(database.db, userId, 'tci');
		return { userId, experienceId, links: portfolio!.links };
	}
	const evidenceOf = (userId: string) =>
		database.db.selectFrom('evidence').select(['id', 'criterion_id', 'source', 'kind', 'score', 'recorded_by', 'supersedes', 'item_ref']).where('user_id', '=', userId).orderBy('id').execute();
	const review = (linkId: string, decision: 'validée' | 'à compléter', minutes = 1, reviewerId = trainer) =>
		reviewLink(database.db, catalog, mayReview, { reviewerId, linkId, decision, reason: decision === 'à compléter' ? 'Précisez le montant des offres.' : null, at: at(minutes) });

	it('a validated link is one portfolio row of score 1 recorded by the accompagnateur; validating again adds nothing', async () => {
		const { userId, links } = await applicantWithLinks();
		expect(await review(links[0]!.id, 'validée')).toEqual({ ok: true });
		expect(await review(links[0]!.id, 'validée', 2)).toEqual({ ok: true });
		const rows = await evidenceOf(userId);
		expect(rows).toEqual([expect.objectContaining({ criterion_id: c1, source: 'portfolio', kind: 'record', score: 1, recorded_by: trainer, item_ref: linkItemRef(links[0]!.id) })]);
		expect((await findSummaries(database.db, userId, [c1!])).get(c1!)!.sourceCounts.portfolio).toBe(1);
		expect((await listReviews(database.db, [links[0]!.id])).map((r) => r.decision)).toEqual(['validée', 'validée']);
		// Unvalidated links are shown and do not count.
		expect((await findSummaries(database.db, userId, [c2!])).get(c2!)).toBeUndefined();
	});

	it('« à compléter » withdraws a validated proof with a superseding row, and keeps the reason', async () => {
		const { userId, links } = await applicantWithLinks();
		await review(links[0]!.id, 'validée');
		await review(links[0]!.id, 'à compléter', 2);
		const rows = await evidenceOf(userId);
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatchObject({ kind: 'withdrawal', score: null, supersedes: Number(rows[0]!.id), source: 'portfolio', recorded_by: trainer });
		expect((await findSummaries(database.db, userId, [c1!])).get(c1!)!.sourceCounts.portfolio).toBe(0);
		const [portfolio] = await loadPortfolio(database.db, userId, 'tci');
		expect(portfolio!.links[0]).toMatchObject({ status: 'à compléter', evidenceId: null });
		expect(portfolio!.links[0]!.reviews[0]).toMatchObject({ decision: 'à compléter', reason: 'Précisez le montant des offres.' });
		// « À compléter » on a link never validated writes no evidence.
		await review(links[1]!.id, 'à compléter', 3);
		expect(await evidenceOf(userId)).toHaveLength(2);
	});

	it('deleting an experience withdraws its validated proofs; the demonstrated level goes with them', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await insertVaeGroup(database.db, trainer, [userId]);
		const ids: string[] = [];
		for (const n of [1, 2, 3]) {
			const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience({ title: `Expérience ${n}` }), at: NOW }))!;
			await addLink(database.db, catalog, { userId, experienceId, criterionId: c3!, justification: 'Preuve.', at: NOW });
			ids.push(experienceId);
		}
		for (const experienceView of await loadPortfolio(database.db, userId, 'tci')) await review(experienceView.links[0]!.id, 'validée');
		expect(levelsOf((await findSummaries(database.db, userId, [c3!])).get(c3!)!, at(2)).demonstrated).toBe(true);

		expect(await deleteExperience(database.db, catalog, { userId, experienceId: ids[0]!, at: at(3) })).toBe(true);
		const summary = (await findSummaries(database.db, userId, [c3!])).get(c3!)!;
		expect(summary.sourceCounts.portfolio).toBe(2);
		expect(levelsOf(summary, at(3)).demonstrated).toBe(false);
		const withdrawals = (await evidenceOf(userId)).filter((row) => row.kind === 'withdrawal');
		expect(withdrawals).toHaveLength(1);
		expect(await database.db.selectFrom('portfolio_link').select('id').where('experience_id', '=', ids[0]!).execute()).toEqual([]);
	});

	it('editing the justification or the activities and results returns a validated link to « à revoir » and withdraws it', async () => {
		const { userId, experienceId, links } = await applicantWithLinks();
		await review(links[0]!.id, 'validée');
		await review(links[1]!.id, 'validée');
		expect(await updateLinkJustification(database.db, catalog, { userId, linkId: links[0]!.id, justification: 'Nouvelle justification.', at: at(2) })).toBe(true);
		let [portfolio] = await loadPortfolio(database.db, userId, 'tci');
		expect(portfolio!.links.map((l) => l.status)).toEqual(['à revoir', 'validée']);

		// The title alone changes nothing the links rest on.
		await updateExperience(database.db, catalog, { userId, experienceId, experience: experience({ title: 'Autre titre' }), at: at(3) });
		[portfolio] = await loadPortfolio(database.db, userId, 'tci');
		expect(portfolio!.links[1]!.status).toBe('validée');

		await updateExperience(database.db, catalog, { userId, experienceId, experience: experience({ title: 'Autre titre', results: 'Cinquante offres par an.' }), at: at(4) });
		[portfolio] = await loadPortfolio(database.db, userId, 'tci');
		expect(portfolio!.links.map((l) => l.status)).toEqual(['à revoir', 'à revoir']);
		const rows = await evidenceOf(userId);
		expect(rows.filter((r) => r.kind === 'withdrawal')).toHaveLength(2);
		const summaries = await findSummaries(database.db, userId, [c1!, c2!]);
		expect(summaries.get(c1!)!.sourceCounts.portfolio + summaries.get(c2!)!.sourceCounts.portfolio).toBe(0);

		// Deleting a validated link withdraws it too.
		await review(links[1]!.id, 'validée', 5);
		await deleteLink(database.db, catalog, { userId, linkId: links[1]!.id, at: at(6) });
		expect((await findSummaries(database.db, userId, [c2!])).get(c2!)!.sourceCounts.portfolio).toBe(0);
	});

	it('refuses a link to a criterion of another certification, a second link to the same criterion, and another user’s experience', async () => {
		const { userId, experienceId } = await applicantWithLinks();
		expect(await addLink(database.db, catalog, { userId, experienceId, criterionId: otherCertificationCriterion, justification: 'x', at: NOW })).toEqual({ ok: false, reason: 'foreign-criterion' });
		expect(await addLink(database.db, catalog, { userId, experienceId, criterionId: c1!, justification: 'x', at: NOW })).toEqual({ ok: false, reason: 'duplicate' });
		const other = await insertTestUser(database.db, { enrolIn: ['tci'] });
		expect(await addLink(database.db, catalog, { userId: other, experienceId, criterionId: c3!, justification: 'x', at: NOW })).toEqual({ ok: false, reason: 'not-found' });
		expect(await updateExperience(database.db, catalog, { userId: other, experienceId, experience: experience(), at: NOW })).toBe(false);
		expect(await deleteExperience(database.db, catalog, { userId: other, experienceId, at: NOW })).toBe(false);
		expect(await loadPortfolio(database.db, other, 'tci')).toEqual([]);
	});

	it('evidence stays append-only: only unsigning a row (its recorder’s account deleted) is let through', async () => {
		const { userId, links } = await applicantWithLinks();
		await review(links[0]!.id, 'validée');
		const [row] = await evidenceOf(userId);
		await expect(database.db.updateTable('evidence').set({ score: 0 }).where('id', '=', row!.id).execute()).rejects.toThrow(/append-only/);
		await expect(database.db.updateTable('evidence').set({ recorded_by: null, score: 0 }).where('id', '=', row!.id).execute()).rejects.toThrow(/append-only/);
	});

	it('only a trainer of the applicant’s VAE group of that certification may review', async () => {
		const { userId, links } = await applicantWithLinks();
		expect(await review(links[0]!.id, 'validée', 1, stranger)).toEqual({ ok: false, reason: 'not-found' });
		// A formation group does not make an accompagnateur, nor a VAE group of another certification.
		await insertVaeGroup(database.db, stranger, [userId], { kind: 'formation' });
		await insertVaeGroup(database.db, stranger, [userId], { certificationId: 'ra' });
		expect(await review(links[0]!.id, 'validée', 1, stranger)).toEqual({ ok: false, reason: 'not-found' });
		expect(await evidenceOf(userId)).toEqual([]);
		expect(await accompanies(database.db, trainer, userId, 'tci')).toBe(true);
		expect(await accompanies(database.db, stranger, userId, 'tci')).toBe(false);
	});
});
