/**
 * What VAE part 2 adds to the demo applicant's file (after ../vae/demo-data.ts): an attestation
 * (a small real PDF) on the first experience, the first block's comment in draft, built from
 * the linked experiences, and one competence's state confirmed. Created once: an applicant who
 * already has a document or a block comment is left alone.
 */
import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { findUserByEmail } from '../auth/users.repository';
import type { Catalog } from '../content/types';
import type { Database } from '../db';
import { attachDocument } from '../portfolio/attachments.service';
import { usedBytes } from '../portfolio/attachments.repository';
import { listExperiences } from '../portfolio/portfolio.repository';
import { tinyPdf } from '../portfolio/tiny-pdf';
import { findTexts } from '../portfolio/versioned-text.repository';
import { BLOCK_COMMENT_SCOPE } from './feasibility';
import { loadFeasibility, saveBlockComment, saveStates } from './feasibility.service';

const CERTIFICATION = 'tci';

export async function ensureVaeDossierDemoData(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<boolean> {
	const applicant = await findUserByEmail(db, DEMO_ACCOUNTS.vae.email);
	const certification = catalog.certifications.find((c) => c.id === CERTIFICATION);
	if (!applicant || !certification) return false;
	const experiences = await listExperiences(db, applicant.id, CERTIFICATION);
	if (experiences.length === 0 || (await usedBytes(db, applicant.id)) > 0 || (await findTexts(db, applicant.id, BLOCK_COMMENT_SCOPE)).size > 0) return false;

	// The oldest experience: listExperiences is newest first.
	const first = experiences[experiences.length - 1]!;
	await attachDocument(db, {
		userId: applicant.id,
		experienceId: first.id,
		name: 'Attestation employeur - technico-commerciale.pdf',
		content: tinyPdf([
			'Attestation d\'emploi (document de demonstration Jalon)',
			'',
			'Nous attestons que la titulaire de ce dossier a occupe le poste',
			'de technico-commerciale sedentaire de septembre 2012 a juin 2017.',
			'Missions : analyse des demandes de prix, chiffrage, redaction des offres,',
			'suivi des commandes jusqu\'a la livraison.',
			'',
			'Fait a Lyon, le 30 juin 2017.'
		]),
		at: now
	});

	const { blocks } = await loadFeasibility(db, catalog, applicant.id, certification, now);
	const firstBlock = blocks[0];
	if (firstBlock?.draft) {
		const draft = `Brouillon, à reprendre avant l’envoi.\n\n${firstBlock.draft}`.slice(0, 10_000);
		await saveBlockComment(db, certification, { userId: applicant.id, unitId: firstBlock.id, baseVersion: 0, body: draft, at: now });
	}
	const confirmed = firstBlock?.competences[0];
	if (confirmed) await saveStates(db, certification, applicant.id, [{ competenceId: confirmed.id, state: confirmed.prefilled }], now);
	return true;
}
