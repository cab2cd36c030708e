import { afterAll, beforeAll, expect, it } from 'vitest';
import { findSummaries } from '../../../src/lib/server/evidence/summary.repository';
import { addLink, commentExperience, createExperience, loadPortfolio, reviewLink } from '../../../src/lib/server/portfolio/portfolio.service';
import { coverageOf } from '../../../src/lib/server/projects/coverage';
import type { ProjectInput } from '../../../src/lib/server/projects/project';
import { listFollowedTrainees } from '../../../src/lib/server/projects/projects.repository';
import { createProject, loadProjects, updateProject } from '../../../src/lib/server/projects/projects.service';
import { followsInTraining, mayReviewProject } from '../../../src/lib/server/projects/trainer-access';
import { accompanies } from '../../../src/lib/server/vae/accompagnement';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, experience, firstCompetence, insertVaeGroup, tci } from '../vae/support';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const [c1, c2] = firstCompetence.criteria.map((c) => c.id);

const project = (overrides: Partial<ProjectInput> = {}): ProjectInput => ({
	experience: experience({ title: 'Appel d’offres carters', durationBand: null, startDate: '2026-09-07', endDate: null, activities: 'J’ai chiffré trois variantes.', results: 'Offre retenue.' }),
	objective: 'Répondre en six semaines.',
	figures: '4 % sous le prix cible.',
	documents: 'Offre anonymisée',
	...overrides
});

describeEachEngine('projects report: projects, their links and their review by the group’s trainers', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	let vaeTrainer: string;
	let otherTrainer: string;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		[trainer, vaeTrainer, otherTrainer] = await Promise.all([insertTestUser(database.db, 'trainer'), insertTestUser(database.db, 'trainer'), insertTestUser(database.db, 'trainer')]);
	});
	afterAll(async () => database?.destroy());

	/** A TCI candidate in `trainer`'s formation group (and in a VAE group of `vaeTrainer`) with one project linked to c1 and c2. */
	async function traineeWithProject() {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
		await insertVaeGroup(database.db, trainer, [userId], { kind: 'formation' });
		await insertVaeGroup(database.db, vaeTrainer, [userId], { kind: 'vae' });
		await insertVaeGroup(database.db, otherTrainer, [userId], { kind: 'formation', certificationId: 'ra' });
		const projectId = (await createProject(database.db, { userId, certificationId: 'tci', project: project(), at: NOW }))!;
		for (const criterionId of [c1!, c2!]) expect(await addLink(database.db, catalog, { userId, experienceId: projectId, criterionId, justification: 'J’ai mené ce chiffrage.', at: NOW })).toEqual({ ok: true });
		const [loaded] = await loadProjects(database.db, userId, 'tci');
		return { userId, projectId, links: loaded!.links };
	}
	const evidenceOf = (userId: string) => database.db.selectFrom('evidence').select(['id', 'criterion_id', 'source', 'kind', 'score', 'recorded_by', 'supersedes']).where('user_id', '=', userId).orderBy('id').execute();
	const review = (linkId: string, decision: 'validée' | 'à compléter', reviewerId = trainer, minutes = 1) =>
		reviewLink(database.db, catalog, mayReviewProject, { reviewerId, linkId, decision, reason: decision === 'à compléter' ? 'Chiffrez le résultat.' : null, at: at(minutes) });

	it('a project is a portfolio experience of kind « projet » with its details; it never shows among VAE experiences', async () => {
		const { userId, projectId } = await traineeWithProject();
		const [loaded] = await loadProjects(database.db, userId, 'tci');
		expect(loaded).toMatchObject({ id: projectId, title: 'Appel d’offres carters', objective: 'Répondre en six semaines.', figures: '4 % sous le prix cible.', documents: 'Offre anonymisée' });
		expect((await database.db.selectFrom('portfolio_experience').select('kind').where('id', '=', projectId).executeTakeFirstOrThrow()).kind).toBe('projet');
		expect(await loadPortfolio(database.db, userId, 'tci')).toEqual([]);
		// And a VAE experience is never a project.
		const applicant = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await createExperience(database.db, { userId: applicant, certificationId: 'tci', experience: experience(), at: NOW });
		expect(await loadProjects(database.db, applicant, 'tci')).toEqual([]);
		// Only a candidate in training writes a project.
		expect(await createProject(database.db, { userId: applicant, certificationId: 'tci', project: project(), at: NOW })).toBeNull();
	});

	it('a validated link is one portfolio row recorded by the group’s trainer; « à compléter » withdraws it by a superseding row', async () => {
		const { userId, links } = await traineeWithProject();
		expect(await review(links[0]!.id, 'validée')).toEqual({ ok: true });
		expect(await review(links[0]!.id, 'validée', trainer, 2)).toEqual({ ok: true });
		let rows = await evidenceOf(userId);
		expect(rows).toEqual([expect.objectContaining({ criterion_id: c1, source: 'portfolio', kind: 'record', score: 1, recorded_by: trainer })]);
		expect((await findSummaries(database.db, userId, [c1!])).get(c1!)!.sourceCounts.portfolio).toBe(1);
		await review(links[0]!.id, 'à compléter', trainer, 3);
		rows = await evidenceOf(userId);
		expect(rows[1]).toMatchObject({ kind: 'withdrawal', supersedes: Number(rows[0]!.id), recorded_by: trainer });
		expect((await findSummaries(database.db, userId, [c1!])).get(c1!)!.sourceCounts.portfolio).toBe(0);
	});

	it('editing what the links rest on sends them back to review and withdraws the proof; the documents alone do not', async () => {
		const { userId, projectId, links } = await traineeWithProject();
		await review(links[0]!.id, 'validée');
		expect(await updateProject(database.db, catalog, { userId, projectId, project: project({ documents: 'Offre anonymisée\nPlan' }), at: at(2) })).toBe(true);
		expect((await loadProjects(database.db, userId, 'tci'))[0]!.links[0]!.status).toBe('validée');
		expect(await updateProject(database.db, catalog, { userId, projectId, project: project({ figures: '5 % sous le prix cible.' }), at: at(3) })).toBe(true);
		const [after] = await loadProjects(database.db, userId, 'tci');
		expect(after!.links.map((l) => l.status)).toEqual(['à revoir', 'à revoir']);
		expect(after!.figures).toBe('5 % sous le prix cible.');
		const rows = await evidenceOf(userId);
		expect(rows.map((r) => r.kind)).toEqual(['record', 'withdrawal']);
		// Another candidate cannot edit it.
		const stranger = await insertTestUser(database.db, { enrolIn: ['tci'] });
		expect(await updateProject(database.db, catalog, { userId: stranger, projectId, project: project({ objective: 'Intrusion' }), at: at(4) })).toBe(false);
		expect((await loadProjects(database.db, userId, 'tci'))[0]!.objective).toBe('Répondre en six semaines.');
	});

	it('only a trainer of the candidate’s formation group of that certification reviews or comments; a VAE accompagnateur cannot review a project', async () => {
		const { userId, projectId, links } = await traineeWithProject();
		expect(await followsInTraining(database.db, trainer, userId, 'tci')).toBe(true);
		expect(await followsInTraining(database.db, otherTrainer, userId, 'tci')).toBe(false);
		expect(await followsInTraining(database.db, vaeTrainer, userId, 'tci')).toBe(false);
		expect(await review(links[0]!.id, 'validée', otherTrainer)).toEqual({ ok: false, reason: 'not-found' });
		expect(await review(links[0]!.id, 'validée', vaeTrainer)).toEqual({ ok: false, reason: 'not-found' });
		expect(await commentExperience(database.db, mayReviewProject, { authorId: otherTrainer, experienceId: projectId, body: 'Intrus', at: NOW })).toBe(false);
		expect(await commentExperience(database.db, mayReviewProject, { authorId: trainer, experienceId: projectId, body: 'Précisez le délai.', at: NOW })).toBe(true);
		expect(await evidenceOf(userId)).toEqual([]);
		// The project rule refuses a VAE experience even to a trainer who follows its owner.
		const applicant = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await insertVaeGroup(database.db, trainer, [applicant], { kind: 'formation' });
		const experienceId = (await createExperience(database.db, { userId: applicant, certificationId: 'tci', experience: experience(), at: NOW }))!;
		await addLink(database.db, catalog, { userId: applicant, experienceId, criterionId: c1!, justification: 'x', at: NOW });
		const [vaeLink] = (await loadPortfolio(database.db, applicant, 'tci'))[0]!.links;
		expect(await review(vaeLink!.id, 'validée')).toEqual({ ok: false, reason: 'not-found' });
		expect(await accompanies(database.db, trainer, applicant, 'tci')).toBe(false);
		// The trainer's list shows the candidate with their counts, the other trainer's does not.
		const listed = (await listFollowedTrainees(database.db, trainer)).find((t) => t.id === userId);
		expect(listed).toMatchObject({ certificationId: 'tci', projects: 1, toReview: 2 });
		expect((await listFollowedTrainees(database.db, otherTrainer)).find((t) => t.id === userId && t.certificationId === 'tci')).toBeUndefined();
	});

	it('the coverage table says, per competence, what is validated, proposed and not covered yet', async () => {
		const { userId, links } = await traineeWithProject();
		await review(links[0]!.id, 'validée');
		const projects = await loadProjects(database.db, userId, 'tci');
		const first = coverageOf(tci, projects.flatMap((p) => p.links))[0]!.competences[0]!;
		expect(first).toMatchObject({ competenceId: firstCompetence.id, total: firstCompetence.criteria.length, validated: 1, proposed: 1 });
		expect(first.uncovered).toHaveLength(firstCompetence.criteria.length - 2);
		expect(first.uncovered.map((c) => c.id)).not.toContain(c1);
	});
});
