import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccountNow, exportAccountData } from '../../../src/lib/server/auth/account-data';
import { ensureDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { DEMO_ACCOUNTS } from '../../../src/lib/server/auth/demo-credentials';
import { findUserByEmail } from '../../../src/lib/server/auth/users.repository';
import { FILE_MAX_BYTES, APPLICANT_MAX_BYTES } from '../../../src/lib/server/portfolio/attachments';
import { attachDocument, readDocument, removeDocument } from '../../../src/lib/server/portfolio/attachments.service';
import { usedBytes } from '../../../src/lib/server/portfolio/attachments.repository';
import { addLink, createExperience, deleteExperience, loadPortfolio, reviewLink, saveExperienceText, updateExperience } from '../../../src/lib/server/portfolio/portfolio.service';
import { findExperience } from '../../../src/lib/server/portfolio/portfolio.repository';
import { tinyPdf } from '../../../src/lib/server/portfolio/tiny-pdf';
import { findText, saveText } from '../../../src/lib/server/portfolio/versioned-text.repository';
import { accompanies } from '../../../src/lib/server/vae/accompagnement';
import { ensureVaeDemoData } from '../../../src/lib/server/vae/demo-data';
import { ensureVaeDossierDemoData } from '../../../src/lib/server/vae/dossier-demo-data';
import { loadDossier } from '../../../src/lib/server/vae/dossier.service';
import { feasibilityExportSchema } from '../../../src/lib/server/vae/feasibility-export.schema';
import { exportFeasibility, loadFeasibility, saveBlockComment, saveStates } from '../../../src/lib/server/vae/feasibility.service';
import { savePositioning } from '../../../src/lib/server/vae/positioning.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { catalog, experience, firstCompetence, insertVaeGroup, tci } from './support';

const NOW = new Date('2026-12-01T10:00:00Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const count = async (database: TestDatabase, userId: string) => Number((await database.db.selectFrom('portfolio_attachment').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

describeEachEngine('VAE part 2: proof documents, feasibility fields, dossier', (engine) => {
	let database: TestDatabase;
	let trainer: string;
	let otherTrainer: string;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		trainer = await insertTestUser(database.db, 'trainer');
		otherTrainer = await insertTestUser(database.db, 'trainer');
	});
	afterAll(async () => database?.destroy());

	async function applicant(): Promise<{ userId: string; experienceId: string }> {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		await insertVaeGroup(database.db, trainer, [userId]);
		const experienceId = (await createExperience(database.db, { userId, certificationId: 'tci', experience: experience(), at: NOW }))!;
		return { userId, experienceId };
	}

	describe('attachments', () => {
		it('stores real PDF, PNG and JPEG files with the type read from their bytes, and gives them back byte for byte', async () => {
			const { userId, experienceId } = await applicant();
			const pdf = tinyPdf(['Attestation']);
			const results = await Promise.all([
				attachDocument(database.db, { userId, experienceId, name: 'attestation', content: pdf, at: NOW }),
				attachDocument(database.db, { userId, experienceId, name: 'photo.jpeg', content: PNG, at: NOW }),
				attachDocument(database.db, { userId, experienceId, name: 'scan.jpg', content: JPEG, at: NOW })
			]);
			expect(results.every((r) => r.ok)).toBe(true);
			const [first, second] = results as { ok: true; id: string }[];
			const read = (await readDocument(database.db, userId, first!.id))!;
			expect(read.mediaType).toBe('application/pdf');
			expect(read.fileName).toBe('attestation.pdf');
			expect(Buffer.from(read.content).equals(Buffer.from(pdf))).toBe(true);
			// A PNG named .jpeg is a PNG: its name follows its content.
			expect((await readDocument(database.db, userId, second!.id))!.fileName).toBe('photo.png');
		});

		it('refuses a renamed text file and an oversized file, leaving nothing in the database', async () => {
			const { userId, experienceId } = await applicant();
			const renamed = await attachDocument(database.db, { userId, experienceId, name: 'preuve.pdf', content: new TextEncoder().encode('Ceci est un simple texte.'), at: NOW });
			expect(renamed).toEqual({ ok: false, reason: 'refused', message: expect.stringContaining('son contenu n’en est pas un') });
			const big = new Uint8Array(FILE_MAX_BYTES + 1);
			big.set(tinyPdf(['x']).subarray(0, 8));
			const oversized = await attachDocument(database.db, { userId, experienceId, name: 'gros.pdf', content: big, at: NOW });
			expect(oversized).toEqual({ ok: false, reason: 'refused', message: expect.stringContaining('10 Mo') });
			expect(await count(database, userId)).toBe(0);
		});

		it('refuses what goes over the applicant’s 100 MB, counting every certification', async () => {
			const { userId, experienceId } = await applicant();
			// A constructed case: a stored row whose declared size leaves 100 bytes.
			await database.db.insertInto('portfolio_attachment').values({ experience_id: experienceId, user_id: userId, file_name: 'grand.pdf', media_type: 'application/pdf', size_bytes: APPLICANT_MAX_BYTES - 100, content: tinyPdf(['x']), created_at: NOW }).execute();
			const fits = await attachDocument(database.db, { userId, experienceId, name: 'petit.png', content: PNG, at: NOW });
			expect(fits.ok).toBe(true);
			const refused = await attachDocument(database.db, { userId, experienceId, name: 'pdf.pdf', content: tinyPdf(['un document un peu plus long que cent octets']), at: NOW });
			expect(refused).toEqual({ ok: false, reason: 'refused', message: expect.stringContaining('n’y tient plus') });
			expect(await usedBytes(database.db, userId)).toBe(APPLICANT_MAX_BYTES - 100 + PNG.byteLength);
		});

		it('serves a document to its owner and their accompagnateur only (IDOR)', async () => {
			const { userId, experienceId } = await applicant();
			const other = await applicant();
			const attached = (await attachDocument(database.db, { userId, experienceId, name: 'a.pdf', content: tinyPdf(['x']), at: NOW })) as { ok: true; id: string };
			expect(await readDocument(database.db, userId, attached.id)).not.toBeNull();
			expect(await readDocument(database.db, trainer, attached.id)).not.toBeNull();
			expect(await readDocument(database.db, other.userId, attached.id)).toBeNull();
			expect(await readDocument(database.db, otherTrainer, attached.id)).toBeNull();
			// Another applicant can neither attach to this experience nor remove its document.
			expect(await attachDocument(database.db, { userId: other.userId, experienceId, name: 'b.pdf', content: tinyPdf(['x']), at: NOW })).toEqual({ ok: false, reason: 'not-found' });
			expect(await removeDocument(database.db, { userId: other.userId, attachmentId: attached.id })).toBe(false);
			// Leaving the VAE group ends the accompagnateur's access at once.
			await database.db.deleteFrom('group_member').where('candidate_id', '=', userId).execute();
			expect(await readDocument(database.db, trainer, attached.id)).toBeNull();
			expect(await removeDocument(database.db, { userId, attachmentId: attached.id })).toBe(true);
			expect(await count(database, userId)).toBe(0);
		});

		it('goes with its experience, and is in the account export (base64) and gone after deletion', async () => {
			const { userId, experienceId } = await applicant();
			const pdf = tinyPdf(['RGPD']);
			await attachDocument(database.db, { userId, experienceId, name: 'a.pdf', content: pdf, at: NOW });
			const exported = await exportAccountData(database.db, userId, NOW);
			const rows = exported.tables.portfolio_attachment!;
			expect(rows).toHaveLength(1);
			expect(rows[0]!.content).toEqual({ encoding: 'base64', data: Buffer.from(pdf).toString('base64') });
			expect(JSON.parse(JSON.stringify(exported)).tables.portfolio_attachment[0].file_name).toBe('a.pdf');
			await saveBlockComment(database.db, tci, { userId, unitId: tci.units[0]!.id, baseVersion: 0, body: 'Texte', at: NOW });
			expect((await exportAccountData(database.db, userId, NOW)).tables.versioned_text).toHaveLength(1);

			const second = await applicant();
			await attachDocument(database.db, { userId: second.userId, experienceId: second.experienceId, name: 'b.pdf', content: pdf, at: NOW });
			await deleteExperience(database.db, catalog, { userId: second.userId, experienceId: second.experienceId, at: NOW });
			expect(await count(database, second.userId)).toBe(0);

			expect(await deleteAccountNow(database.db, userId)).toEqual({ ok: true });
			expect(await count(database, userId)).toBe(0);
			expect(await database.db.selectFrom('versioned_text').select('key').where('user_id', '=', userId).execute()).toEqual([]);
		});
	});

	describe('versioned texts', () => {
		it('answers a stale save with a conflict carrying the other text, and writes nothing', async () => {
			const { userId } = await applicant();
			const ref = { userId, scope: 'vae-bloc', key: tci.units[0]!.id };
			expect(await saveText(database.db, ref, { baseVersion: 0, body: 'Onglet A', at: NOW })).toEqual({ kind: 'save', version: 1 });
			// Tab B opened at version 0 too.
			expect(await saveText(database.db, ref, { baseVersion: 0, body: 'Onglet B', at: NOW })).toEqual({ kind: 'conflict', theirs: { body: 'Onglet A', version: 1 } });
			expect(await findText(database.db, ref)).toEqual({ body: 'Onglet A', version: 1 });
			// B resolves by merging, from the version the conflict gave it.
			expect(await saveText(database.db, ref, { baseVersion: 1, body: 'Onglet A\nOnglet B', at: NOW })).toEqual({ kind: 'save', version: 2 });
			// Two first saves at once: one wins, the other conflicts.
			const fresh = { ...ref, key: tci.units[1]!.id };
			const both = await Promise.all([saveText(database.db, fresh, { baseVersion: 0, body: 'X', at: NOW }), saveText(database.db, fresh, { baseVersion: 0, body: 'Y', at: NOW })]);
			expect(both.map((d) => d.kind).sort()).toEqual(['conflict', 'save']);
		});

		it('autosaves an experience’s texts with its version: a stale save of the same text conflicts, of another text does not', async () => {
			const { userId, experienceId } = await applicant();
			const start = (await findExperience(database.db, userId, experienceId))!;
			expect(start.version).toBe(1);
			await addLink(database.db, catalog, { userId, experienceId, criterionId: firstCompetence.criteria[0]!.id, justification: 'Chiffrage.', at: NOW });
			const [link] = (await loadPortfolio(database.db, userId, 'tci'))[0]!.links;
			await reviewLink(database.db, catalog, accompanies, { reviewerId: trainer, linkId: link!.id, decision: 'validée', reason: null, at: NOW });

			// Tab A saves the activities: the validated link goes back to review.
			expect(await saveExperienceText(database.db, catalog, { userId, experienceId, field: 'activities', baseVersion: 1, baseBody: start.activities, body: 'Activités de A.', at: NOW })).toEqual({ kind: 'save', version: 2 });
			expect((await loadPortfolio(database.db, userId, 'tci'))[0]!.links[0]!.status).toBe('à revoir');
			// Tab B, still at version 1, saves the results: untouched since, so saved.
			expect(await saveExperienceText(database.db, catalog, { userId, experienceId, field: 'results', baseVersion: 1, baseBody: start.results, body: 'Résultats de B.', at: NOW })).toEqual({ kind: 'save', version: 3 });
			// Tab B then saves the activities from its stale copy: a conflict with A's text.
			expect(await saveExperienceText(database.db, catalog, { userId, experienceId, field: 'activities', baseVersion: 1, baseBody: start.activities, body: 'Activités de B.', at: NOW })).toEqual({ kind: 'conflict', theirs: { body: 'Activités de A.', version: 3 } });
			// The full form from a stale tab: a conflict, and nothing written (the title neither).
			const stale = await updateExperience(database.db, catalog, { userId, experienceId, experience: experience({ title: 'Nouveau titre', activities: 'Activités du formulaire.' }), at: NOW, bases: { activities: start.activities, results: 'Résultats de B.' } });
			expect(stale).toEqual({ conflicts: { activities: { theirs: 'Activités de A.', version: 3 } } });
			const after = (await findExperience(database.db, userId, experienceId))!;
			expect([after.title, after.activities, after.results, after.version]).toEqual([start.title, 'Activités de A.', 'Résultats de B.', 3]);
			// Another applicant's experience is « not found ».
			const other = await applicant();
			expect(await saveExperienceText(database.db, catalog, { userId: other.userId, experienceId, field: 'results', baseVersion: 3, body: 'x', at: NOW })).toBeNull();
		});

		it('refuses a block comment for a unit of another certification', async () => {
			const { userId } = await applicant();
			const foreign = catalog.certifications.find((c) => c.id !== 'tci')!.units[0]!.id;
			expect(await saveBlockComment(database.db, tci, { userId, unitId: foreign, baseVersion: 0, body: 'x', at: NOW })).toBeNull();
		});
	});

	describe('feasibility fields', () => {
		it('pre-fills each competence from the positioning and the proofs, flags a disagreeing choice, and exports the documented JSON', async () => {
			const { userId, experienceId } = await applicant();
			const ids = firstCompetence.criteria.map((c) => c.id);
			const second = tci.units[0]!.competences[1]!;
			await savePositioning(database.db, catalog, {
				userId,
				certificationId: 'tci',
				entries: [...ids.map((criterionId) => ({ criterionId, answer: 'oui' as const, example: null })), ...second.criteria.map((k) => ({ criterionId: k.id, answer: 'non' as const, example: null }))],
				at: NOW
			});
			await addLink(database.db, catalog, { userId, experienceId, criterionId: ids[0]!, justification: 'Je chiffrais les demandes.', at: NOW });
			let { blocks } = await loadFeasibility(database.db, catalog, userId, tci, NOW);
			const [c1, c2, c3] = blocks[0]!.competences;
			expect([c1!.prefilled, c2!.prefilled, c3?.prefilled]).toEqual(['oui', 'non', c3 ? 'non' : undefined]);
			expect(blocks[0]!.draft).toContain('Je chiffrais les demandes.');
			expect(blocks[1]?.draft ?? '').toBe('');

			await saveStates(database.db, tci, userId, [{ competenceId: second.id, state: 'oui' }, { competenceId: firstCompetence.id, state: 'oui' }], NOW);
			({ blocks } = await loadFeasibility(database.db, catalog, userId, tci, NOW));
			const changed = blocks[0]!.competences[1]!;
			expect(changed.chosen).toBe('oui');
			expect(changed.disagreement?.suggested).toBe('non');
			expect(changed.disagreement?.criteria.map((k) => k.id)).toEqual(second.criteria.map((k) => k.id));
			expect(blocks[0]!.competences[0]!.disagreement).toBeNull();

			await saveBlockComment(database.db, tci, { userId, unitId: tci.units[0]!.id, baseVersion: 0, body: 'Mon commentaire', at: NOW });
			const exported = await exportFeasibility(database.db, catalog, userId, tci, NOW);
			expect(feasibilityExportSchema.parse(exported)).toEqual(exported);
			expect(exported.blocks).toHaveLength(tci.units.length);
			expect(exported.blocks[0]).toMatchObject({ code: tci.units[0]!.code, label: tci.units[0]!.title, comment: 'Mon commentaire' });
			expect(exported.blocks[0]!.competences.slice(0, 2)).toEqual([
				{ label: `${firstCompetence.number}. ${firstCompetence.title}`, state: 'YES', confirmed: true },
				{ label: `${second.number}. ${second.title}`, state: 'YES', confirmed: true }
			]);
		});
	});

	it('the demo applicant gets a document, a draft block comment, and a dossier and JSON built from them', async () => {
		await ensureDemoAccounts(database.db);
		await ensureVaeDemoData(database.db, catalog, NOW);
		expect(await ensureVaeDossierDemoData(database.db, catalog, NOW)).toBe(true);
		expect(await ensureVaeDossierDemoData(database.db, catalog, NOW)).toBe(false);
		const demo = (await findUserByEmail(database.db, DEMO_ACCOUNTS.vae.email))!;
		const demoTrainer = (await findUserByEmail(database.db, DEMO_ACCOUNTS.trainer.email))!;
		expect(await accompanies(database.db, demoTrainer.id, demo.id, 'tci')).toBe(true);
		const dossier = await loadDossier(database.db, catalog, { id: demo.id, displayName: demo.displayName }, tci, NOW);
		expect(dossier.attachments).toHaveLength(1);
		expect(dossier.attachments[0]!.mediaType).toBe('application/pdf');
		expect(dossier.accompagnateurs).toEqual([demoTrainer.displayName]);
		expect(dossier.blocks[0]!.comment).toMatch(/^Brouillon/);
		const links = dossier.blocks.flatMap((b) => b.competences.flatMap((c) => c.criteria.flatMap((k) => k.links)));
		expect(new Set(links.map((l) => l.status))).toEqual(new Set(['validée', 'à compléter', 'à revoir']));
		const exported = feasibilityExportSchema.parse(await exportFeasibility(database.db, catalog, demo.id, tci, NOW));
		console.log(JSON.stringify({ ...exported, blocks: exported.blocks.map((b) => ({ ...b, comment: `${b.comment.slice(0, 80)}…` })) }, null, 1));
	});
});
