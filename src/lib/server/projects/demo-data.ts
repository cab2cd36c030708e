/**
 * The demo candidate's projects report and company opinion, created once beside the demo
 * group: two projects in the CQPM TCI linked to criteria of the first competences, one link
 * validated by the demo trainer (the others await review), and an opinion signed by a demo
 * tutor through a real invitation (its link is thrown away: no e-mail is queued). Everything
 * goes through the use cases the pages use; a candidate who already has a project is left alone.
 */
import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { generateSessionToken, hashToken } from '../auth/session';
import { findUserByEmail } from '../auth/users.repository';
import { insertInvitation } from '../company-opinion/company-opinion.repository';
import { writeOpinion } from '../company-opinion/company-opinion.service';
import { INVITATION_LIFETIME_MS } from '../company-opinion/invitation';
import type { Verdict } from '../company-opinion/opinion';
import type { Catalog } from '../content/types';
import type { Database } from '../db';
import { findEnrolment } from '../enrolment/enrolment.repository';
import { addLink, reviewLink } from '../portfolio/portfolio.service';
import { createProject, loadProjects } from './projects.service';
import { mayReviewProject } from './trainer-access';

const CERTIFICATION = 'tci';
const DAY = 86_400_000;
export const DEMO_TUTOR = { name: 'Marc Dupuis (démo)', email: 'tuteur@demo.jalon.fr', role: 'Responsable commercial, tuteur', company: 'Mécanique de précision du Rhône (démo)' };

const PROJECTS = [
	{
		experience: {
			title: 'Réponse à un appel d’offres de carters usinés',
			context: 'PME de mécanique de précision, 60 salariés ; client : un équipementier automobile (anonymisé).',
			role: 'Technico-commercial, pilote de la réponse',
			startDate: '2026-09-07',
			endDate: '2026-10-16',
			durationBand: null,
			activities: 'J’ai analysé le cahier des charges et les plans avec le bureau des méthodes, chiffré trois variantes de gamme, rédigé l’offre technique et commerciale, puis présenté l’offre à l’acheteur du client.',
			results: 'Offre retenue en deuxième tour ; commande d’une présérie de 500 pièces.'
		},
		objective: 'Répondre dans les six semaines à un appel d’offres sur une famille de carters, avec un prix cible fixé par le client.',
		figures: 'Prix final à environ 4 % sous le prix cible ; délai de réponse tenu (6 semaines).',
		documents: 'Offre technique (version anonymisée)\nTableau de chiffrage des trois variantes'
	},
	{
		experience: {
			title: 'Relance des comptes dormants du secteur Isère',
			context: 'Même entreprise ; une trentaine de clients sans commande depuis plus d’un an.',
			role: 'Technico-commercial sédentaire',
			startDate: '2026-10-19',
			endDate: null,
			durationBand: null,
			activities: 'J’ai extrait la liste des comptes dormants, préparé un argumentaire par type de client, appelé chaque compte et organisé quatre visites avec le commercial terrain.',
			results: 'Six clients ont redemandé un prix ; deux ont commandé.'
		},
		objective: 'Réactiver au moins cinq comptes dormants avant la fin de l’année.',
		figures: '30 comptes appelés, 6 demandes de prix, 2 commandes.',
		documents: 'Argumentaire d’appel'
	}
];

/** Creates the demo candidate's report and opinion if they have no project yet; true when created. */
export async function ensureProjectsDemoData(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<boolean> {
	const candidate = await findUserByEmail(db, DEMO_ACCOUNTS.candidate.email);
	const trainer = await findUserByEmail(db, DEMO_ACCOUNTS.trainer.email);
	const certification = catalog.certifications.find((c) => c.id === CERTIFICATION);
	if (!candidate || !trainer || !certification) return false;
	if ((await findEnrolment(db, candidate.id, CERTIFICATION))?.pathway !== 'formation') return false;
	if ((await loadProjects(db, candidate.id, CERTIFICATION)).length > 0) return false;

	const [c1, c2] = certification.units[0]!.competences;
	const ids: string[] = [];
	for (const [i, project] of PROJECTS.entries()) {
		const id = await createProject(db, { userId: candidate.id, certificationId: CERTIFICATION, project, at: new Date(now.getTime() - (12 - i * 4) * DAY) });
		if (!id) return false;
		ids.push(id);
	}
	const plan: [number, string, string][] = [
		[0, c1!.criteria[0]!.id, 'J’ai analysé le cahier des charges et les plans avant tout chiffrage.'],
		[0, c1!.criteria[1]!.id, 'Trois variantes chiffrées avec le bureau des méthodes.'],
		[0, c2!.criteria[0]!.id, 'J’ai rédigé et présenté l’offre technique et commerciale.'],
		[1, c2!.criteria[1]!.id, 'Un argumentaire par type de client, testé au téléphone.']
	];
	for (const [index, criterionId, justification] of plan) {
		await addLink(db, catalog, { userId: candidate.id, experienceId: ids[index]!, criterionId, justification, at: new Date(now.getTime() - 7 * DAY) });
	}
	const first = (await loadProjects(db, candidate.id, CERTIFICATION)).find((p) => p.id === ids[0])!;
	await reviewLink(db, catalog, mayReviewProject, { reviewerId: trainer.id, linkId: first.links.find((l) => l.criterionId === plan[0]![1])!.id, decision: 'validée', reason: null, at: new Date(now.getTime() - 3 * DAY) });

	// The tutor's opinion, through a real invitation and the tutor's own use case.
	const token = generateSessionToken();
	const invitedAt = new Date(now.getTime() - 6 * DAY);
	await insertInvitation(db, { userId: candidate.id, certificationId: CERTIFICATION, tutorEmail: DEMO_TUTOR.email, tutorName: DEMO_TUTOR.name, tokenHash: hashToken(token), createdAt: invitedAt, expiresAt: new Date(invitedAt.getTime() + INVITATION_LIFETIME_MS) });
	const competences = certification.units.flatMap((u) => u.competences);
	const verdictOf = (i: number): { verdict: Verdict; comment: string } =>
		i === 0
			? { verdict: 'favorable', comment: 'Analyse des demandes rigoureuse, chiffrages fiables.' }
			: i === 2
				? { verdict: 'réservé', comment: 'Négocie encore peu seul face aux acheteurs : à accompagner sur les prochains dossiers.' }
				: { verdict: 'favorable', comment: '' };
	const signedOn = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(now.getTime() - 2 * DAY));
	await writeOpinion(db, {
		token,
		sign: true,
		now: new Date(now.getTime() - 2 * DAY),
		opinion: { entries: competences.map((c, i) => ({ competenceId: c.id, ...verdictOf(i) })), signerName: DEMO_TUTOR.name, signerRole: DEMO_TUTOR.role, signerCompany: DEMO_TUTOR.company, signedOn }
	});
	return true;
}
