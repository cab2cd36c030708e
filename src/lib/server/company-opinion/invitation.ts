/**
 * The tutor's invitation, as a small state machine. Pure: the service reads the row, asks
 * here what it may do, and the tests check every transition without a clock or a database.
 *
 *   en attente ──(tutor saves a draft)──▶ brouillon ──(tutor signs)──▶ signée
 *        │  └──────────────(tutor signs)──────────────────────────────▲
 *        ├──(candidate revokes)──▶ révoquée        (from en attente or brouillon)
 *        └──(30 days pass)───────▶ expirée         (from en attente or brouillon)
 *
 * Only « en attente » and « brouillon » open the form; the three others are final and the link
 * then shows a French page and no data.
 */
import type { Pathway } from '../enrolment/pathway';

export const INVITATION_LIFETIME_MS = 30 * 86_400_000;

export type InvitationState = 'en attente' | 'brouillon' | 'signée' | 'révoquée' | 'expirée';

export interface InvitationFacts {
	expiresAt: Date;
	revokedAt: Date | null;
	signedAt: Date | null;
	hasDraft: boolean;
}

export function invitationState(facts: InvitationFacts, now: Date): InvitationState {
	if (facts.signedAt) return 'signée';
	if (facts.revokedAt) return 'révoquée';
	if (now.getTime() >= facts.expiresAt.getTime()) return 'expirée';
	return facts.hasDraft ? 'brouillon' : 'en attente';
}

/** The tutor may open the form, save a draft or sign. */
export const isOpen = (state: InvitationState) => state === 'en attente' || state === 'brouillon';
/** The candidate may revoke: only while the tutor has not signed (a signed opinion stays). */
export const isRevocable = isOpen;

/** What a closed link says, with no data of the candidate. */
export function closedLinkMessage(state: Exclude<InvitationState, 'en attente' | 'brouillon'> | 'inconnue'): { title: string; text: string } {
	switch (state) {
		case 'signée':
			return { title: 'Avis déjà signé', text: 'L’avis donné par ce lien a été signé et transmis. Le lien ne sert qu’une fois : il ne donne plus accès au formulaire. Merci pour votre contribution.' };
		case 'révoquée':
			return { title: 'Lien retiré', text: 'La personne qui vous a invité·e a retiré ce lien. Si vous pensez que c’est une erreur, demandez-lui de vous envoyer une nouvelle invitation.' };
		case 'expirée':
			return { title: 'Lien expiré', text: 'Ce lien était valable 30 jours et il a expiré. Demandez à la personne qui vous a invité·e de vous envoyer une nouvelle invitation.' };
		default:
			return { title: 'Lien inconnu', text: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier depuis le message reçu, ou demandez une nouvelle invitation.' };
	}
}

/**
 * The company's opinion is part of the CQPM evaluation of a candidate in training (« présentation
 * des projets… », avis de l'entreprise). A titre professionnel or a VAE has no such step.
 */
export function needsCompanyOpinion(certificationType: string, pathway: Pathway | null | undefined): boolean {
	return certificationType === 'CQPM' && pathway === 'formation';
}

export const TUTOR_NAME_MAX = 120;
const EMAIL_MAX = 254;
const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export type InvitationParse =
	| { ok: true; value: { tutorName: string; tutorEmail: string } }
	| { ok: false; errors: { tutorName?: string; tutorEmail?: string }; values: { tutorName: string; tutorEmail: string } };

export function parseInvitationForm(form: { get(name: string): unknown }): InvitationParse {
	const read = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.trim() : '';
	};
	const values = { tutorName: read('tutorName'), tutorEmail: read('tutorEmail') };
	const errors: { tutorName?: string; tutorEmail?: string } = {};
	if (!values.tutorName) errors.tutorName = 'Indiquez le nom de votre tuteur ou responsable.';
	else if (values.tutorName.length > TUTOR_NAME_MAX || /[\u0000-\u001f]/.test(values.tutorName)) errors.tutorName = `Un nom sur une ligne, ${TUTOR_NAME_MAX} caractères au plus.`;
	if (!values.tutorEmail) errors.tutorEmail = 'Indiquez son adresse e-mail : l’invitation y sera envoyée.';
	else if (values.tutorEmail.length > EMAIL_MAX || !EMAIL.test(values.tutorEmail)) errors.tutorEmail = 'Adresse e-mail invalide (exemple : prenom.nom@entreprise.fr).';
	if (errors.tutorName || errors.tutorEmail) return { ok: false, errors, values };
	return { ok: true, value: { tutorName: values.tutorName, tutorEmail: values.tutorEmail.toLowerCase() } };
}
