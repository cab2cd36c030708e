import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachDocument, listAttachments, readDocument, removeDocument } from '../../../src/lib/server/portfolio/attachments.service';
import { tinyPdf } from '../../../src/lib/server/portfolio/tiny-pdf';
import type { ProjectInput } from '../../../src/lib/server/projects/project';
import { createProject, loadProjects, saveProjectText, updateProject } from '../../../src/lib/server/projects/projects.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, experience, insertVaeGroup } from '../vae/support';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const project = (overrides: Partial<ProjectInput['experience']> = {}): ProjectInput => ({
	experience: experience({ title: 'Appel d’offres carters', durationBand: null, startDate: '2026-09-07', endDate: null, context: 'Un équipementier automobile.', activities: 'J’ai chiffré trois variantes.', results: 'Offre retenue.', ...overrides }),
	objective: 'Répondre en six semaines.',
	figures: '',
	documents: ''
});

describeEachEngine('projects report: proof documents and autosaved texts of a project', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	let vaeTrainer: string;
	let otherTrainer: string;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		[trainer, vaeTrainer, otherTrainer] = await Promise.all([insertTestUser(database.db, 'trainer'), insertTestUser(database.db, 'trainer'), insertTestUser(database.db, 'trainer')]);
	});
	afterAll(async () => database?.destroy());

	/** A TCI candidate in `trainer`'s formation group, `vaeTrainer`'s VAE group and `otherTrainer`'s RA formation group, with one project. */
	async function traineeWithProject() {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
		await insertVaeGroup(database.db, trainer, [userId], { kind: 'formation' });
		await insertVaeGroup(database.db, vaeTrainer, [userId], { kind: 'vae' });
		await insertVaeGroup(database.db, otherTrainer, [userId], { kind: 'formation', certificationId: 'ra' });
		const projectId = (await createProject(database.db, { userId, certificationId: 'tci', project: project(), at: NOW }))!;
		return { userId, projectId };
	}

	it('a project’s document is read by its owner and the trainer of its formation group, not by another trainer nor a VAE accompagnateur', async () => {
		const { userId, projectId } = await traineeWithProject();
		const pdf = tinyPdf(['Offre anonymisée']);
		const attached = await attachDocument(database.db, { userId, experienceId: projectId, name: 'offre.pdf', content: pdf, at: NOW });
		expect(attached).toMatchObject({ ok: true });
		const id = (attached as { ok: true; id: string }).id;
		expect((await listAttachments(database.db, [projectId])).map((a) => a.fileName)).toEqual(['offre.pdf']);
		expect(Array.from((await readDocument(database.db, userId, id))!.content)).toEqual(Array.from(pdf));
		expect(await readDocument(database.db, trainer, id)).not.toBeNull();
		expect(await readDocument(database.db, otherTrainer, id)).toBeNull();
		expect(await readDocument(database.db, vaeTrainer, id)).toBeNull();
		const stranger = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
		expect(await readDocument(database.db, stranger, id)).toBeNull();
		// Nobody else attaches to or removes from this project.
		expect(await attachDocument(database.db, { userId: stranger, experienceId: projectId, name: 'b.pdf', content: pdf, at: NOW })).toEqual({ ok: false, reason: 'not-found' });
		expect(await removeDocument(database.db, { userId: stranger, attachmentId: id })).toBe(false);
		expect(await removeDocument(database.db, { userId, attachmentId: id })).toBe(true);
		expect(await readDocument(database.db, trainer, id)).toBeNull();
	});

	it('a renamed text file is refused for a project as for an experience, leaving nothing', async () => {
		const { userId, projectId } = await traineeWithProject();
		const refused = await attachDocument(database.db, { userId, experienceId: projectId, name: 'preuve.pdf', content: new TextEncoder().encode('Ceci est un simple texte.'), at: NOW });
		expect(refused).toMatchObject({ ok: false, reason: 'refused' });
		expect(await listAttachments(database.db, [projectId])).toEqual([]);
	});

	it('autosaves a project’s texts with its version: a stale save of the same text conflicts and writes nothing, of another text does not', async () => {
		const { userId, projectId } = await traineeWithProject();
		const [before] = await loadProjects(database.db, userId, 'tci');
		const version = before!.version;
		const first = await saveProjectText(database.db, catalog, { userId, projectId, field: 'activities', baseVersion: version, baseBody: before!.activities, body: 'J’ai chiffré quatre variantes.', at: at(1) });
		expect(first).toEqual({ kind: 'save', version: version + 1 });
		// The stale tab, still on `version`, saves the same text: a conflict carrying the saved text.
		const stale = await saveProjectText(database.db, catalog, { userId, projectId, field: 'activities', baseVersion: version, baseBody: before!.activities, body: 'Autre onglet.', at: at(2) });
		expect(stale).toMatchObject({ kind: 'conflict', theirs: { body: 'J’ai chiffré quatre variantes.', version: version + 1 } });
		// The same stale tab saving another text it did not see change is not a conflict.
		expect(await saveProjectText(database.db, catalog, { userId, projectId, field: 'results', baseVersion: version, baseBody: before!.results, body: 'Offre retenue, délai tenu.', at: at(3) })).toMatchObject({ kind: 'save' });
		const [after] = await loadProjects(database.db, userId, 'tci');
		expect(after).toMatchObject({ activities: 'J’ai chiffré quatre variantes.', results: 'Offre retenue, délai tenu.' });
		// The full form (no JavaScript) from the stale base conflicts too, and writes nothing.
		const form = await updateProject(database.db, catalog, { userId, projectId, project: project({ activities: 'Formulaire périmé.' }), at: at(4), bases: { activities: before!.activities } });
		expect(form).toEqual({ conflicts: { activities: { theirs: 'J’ai chiffré quatre variantes.', version: after!.version } } });
		expect((await loadProjects(database.db, userId, 'tci'))[0]!.activities).toBe('J’ai chiffré quatre variantes.');
		// Another candidate's project is « not found ».
		const stranger = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
		expect(await saveProjectText(database.db, catalog, { userId: stranger, projectId, field: 'context', baseVersion: after!.version, body: 'Intrusion', at: at(5) })).toBeNull();
	});
});
