/**
 * The demo VAE applicant's file, created once beside the demo accounts: enrolled in the CQPM
 * TCI on the VAE pathway, in a VAE group of the demo trainer, with a positioning on the first
 * blocks, three experiences linked to criteria (most validated by the demo trainer, one « à
 * compléter », one awaiting review) and quiz answers that contradict one « oui ». Everything goes
 * through the same use cases as the pages; an applicant who already has a file is left alone.
 */
import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { findUserByEmail } from '../auth/users.repository';
import type { Catalog } from '../content/types';
import type { Database } from '../db';
import { withTransaction } from '../db/transaction';
import { appendEvidence } from '../evidence/ledger';
import { enrol, findEnrolment } from '../enrolment/enrolment.repository';
import { addLink, createExperience, loadPortfolio, reviewLink } from '../portfolio/portfolio.service';
import { accompanies } from './accompagnement';
import type { PositioningAnswer } from './positioning';
import { findCurrentPositioning } from './positioning.repository';
import { savePositioning } from './positioning.service';

const CERTIFICATION = 'tci';
const DAY = 86_400_000;

/** The demo trainer's VAE group of the certification, created if there is none. */
async function ensureVaeGroup(db: Kysely<Database>, trainerId: string, applicantId: string): Promise<void> {
	if (await accompanies(db, trainerId, applicantId, CERTIFICATION)) return;
	await withTransaction(db, async (tx) => {
		const existing = await tx
			.selectFrom('trainer_group')
			.innerJoin('group_trainer', 'group_trainer.group_id', 'trainer_group.id')
			.select('trainer_group.id')
			.where('group_trainer.trainer_id', '=', trainerId)
			.where('trainer_group.kind', '=', 'vae')
			.where('trainer_group.certification_id', '=', CERTIFICATION)
			.orderBy('trainer_group.created_at')
			.executeTakeFirst();
		let groupId = existing?.id;
		if (!groupId) {
			groupId = (await tx.insertInto('trainer_group').values({ name: 'VAE Technico-commercial industriel (démo)', certification_id: CERTIFICATION, kind: 'vae' }).returning('id').executeTakeFirstOrThrow()).id;
			await tx.insertInto('group_trainer').values({ group_id: groupId, trainer_id: trainerId }).execute();
		}
		await tx.insertInto('group_member').values({ group_id: groupId, candidate_id: applicantId }).onConflict((oc) => oc.doNothing()).execute();
	});
}

const EXPERIENCES = [
	{
		title: 'Technico-commerciale sédentaire',
		context: 'PME de mécanique de précision, 60 salariés (Rhône)',
		role: 'Technico-commerciale sédentaire',
		startDate: '2012-09-03',
		endDate: '2017-06-30',
		durationBand: null,
		activities: 'Analyse des demandes de prix et des plans clients, chiffrage avec le bureau des méthodes, rédaction des offres, relances et suivi des commandes jusqu’à la livraison.',
		results: 'Environ 180 offres par an ; taux de transformation passé de 22 % à 31 % en trois ans.'
	},
	{
		title: 'Technico-commerciale itinérante',
		context: 'Fabricant de pompes industrielles (groupe de 400 salariés)',
		role: 'Technico-commerciale terrain, secteur Rhône-Alpes',
		startDate: '2017-09-01',
		endDate: '2021-08-31',
		durationBand: null,
		activities: 'Visites de sites clients, relevé des besoins avec les services maintenance, propositions techniques et commerciales, négociation des conditions, animation de deux distributeurs.',
		results: 'Portefeuille de 70 comptes ; chiffre d’affaires du secteur +18 % sur la période.'
	},
	{
		title: 'Responsable grands comptes',
		context: 'Distributeur de roulements et de transmissions (anonymisé)',
		role: 'Responsable grands comptes industrie',
		startDate: '2021-09-01',
		endDate: null,
		durationBand: 'plus-3' as const,
		activities: 'Suivi de douze comptes clés, appels d’offres annuels, revues de contrat, coordination avec la logistique et le service technique.',
		results: 'Deux contrats-cadres renouvelés, un nouveau compte de 1,2 M€ par an.'
	}
];

/** Creates the demo applicant's file if they have none yet; returns true when it was created. */
export async function ensureVaeDemoData(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<boolean> {
	const applicant = await findUserByEmail(db, DEMO_ACCOUNTS.vae.email);
	const trainer = await findUserByEmail(db, DEMO_ACCOUNTS.trainer.email);
	const certification = catalog.certifications.find((c) => c.id === CERTIFICATION);
	if (!applicant || !trainer || !certification) return false;
	const enrolment = await findEnrolment(db, applicant.id, CERTIFICATION);
	if (enrolment && enrolment.pathway !== 'vae') return false;
	if (!enrolment) await enrol(db, applicant.id, CERTIFICATION, 'vae');
	await ensureVaeGroup(db, trainer.id, applicant.id);
	if ((await findCurrentPositioning(db, applicant.id)).size > 0) return false;

	const [c1, c2, c3] = certification.units.flatMap((u) => u.competences);
	const ids = (competence: typeof c1) => competence!.criteria.map((c) => c.id);
	const answers = new Map<string, PositioningAnswer>();
	ids(c1).forEach((id, i, all) => answers.set(id, i >= all.length - 2 ? 'partiellement' : 'oui'));
	ids(c2).forEach((id, i) => answers.set(id, i === 5 ? 'non' : i === 3 || i === 7 ? 'partiellement' : 'oui'));
	ids(c3).forEach((id, i) => i % 2 === 0 && answers.set(id, i === 4 ? 'non' : 'oui'));
	const example = (id: string) => (id === ids(c1)[0] ? 'Le chiffrage d’un lot de carters usinés pour un équipementier, en 2019.' : null);
	await savePositioning(db, catalog, {
		userId: applicant.id,
		certificationId: CERTIFICATION,
		entries: [...answers].map(([criterionId, answer]) => ({ criterionId, answer, example: example(criterionId) })),
		at: new Date(now.getTime() - 21 * DAY)
	});

	const [m1, m2, m3] = ids(c1);
	const [n1, n2] = ids(c2);
	const consolidate = ids(c2)[4]!;
	const experienceIds: string[] = [];
	for (const experience of EXPERIENCES) {
		experienceIds.push((await createExperience(db, { userId: applicant.id, certificationId: CERTIFICATION, experience, at: new Date(now.getTime() - 14 * DAY) }))!);
	}
	const plan: [number, string, string, 'validée' | 'à compléter' | null][] = [
		[0, m1!, 'J’analysais chaque demande de prix et son plan avant de lancer le chiffrage.', 'validée'],
		[0, m2!, 'Je faisais valider chaque offre par les méthodes avant envoi.', 'validée'],
		[0, m3!, 'J’utilisais le logiciel de chiffrage et la base des temps de l’atelier.', 'validée'],
		[0, n1!, 'Je rédigeais les offres techniques et commerciales.', 'validée'],
		[1, m1!, 'Relevé des besoins sur site avec les services maintenance.', 'validée'],
		[1, m2!, 'Propositions adaptées au process de chaque client.', 'validée'],
		[1, m3!, 'Dossiers techniques préparés avec le bureau d’études.', 'validée'],
		[1, n1!, 'Propositions écrites remises après chaque visite.', 'validée'],
		[1, ids(c1)[4]!, 'J’animais deux distributeurs.', 'à compléter'],
		[2, m1!, 'Analyse des cahiers des charges des appels d’offres annuels.', 'validée'],
		[2, m2!, 'Revue des offres avec le service technique avant remise.', 'validée'],
		[2, m3!, 'Outils de configuration du fournisseur pour chaque proposition.', 'validée'],
		[2, n2!, 'Revues de contrat trimestrielles avec les acheteurs.', null]
	];
	for (const [index, criterionId, justification] of plan) {
		await addLink(db, catalog, { userId: applicant.id, experienceId: experienceIds[index]!, criterionId, justification, at: new Date(now.getTime() - 13 * DAY) });
	}
	const portfolio = await loadPortfolio(db, applicant.id, CERTIFICATION);
	for (const [index, criterionId, , decision] of plan) {
		if (!decision) continue;
		const link = portfolio.find((e) => e.id === experienceIds[index])!.links.find((l) => l.criterionId === criterionId)!;
		const reason = decision === 'à compléter' ? 'Dites ce que vous faisiez avec ces distributeurs : réunions, objectifs fixés, résultats obtenus.' : null;
		await reviewLink(db, catalog, accompanies, { reviewerId: trainer.id, linkId: link.id, decision, reason, at: new Date(now.getTime() - 5 * DAY) });
	}

	// Quiz answers that contradict a « oui »: the gap analysis shows them.
	const module = catalog.modules.find((m) => m.competenceId === c2!.id);
	const item = module?.quiz.find((q) => q.criteria.includes(consolidate)) ?? module?.quiz[0];
	if (module && item) {
		await withTransaction(db, (tx) =>
			appendEvidence(tx, catalog, applicant.id, [1, 0, 0, 0, 0].map((score) => ({ criterionId: consolidate, source: 'quiz' as const, score, itemRef: item.id, contentVersion: module.contentVersion })), new Date(now.getTime() - 3 * DAY))
		);
	}
	return true;
}
