/** French wording shared by the progress map and the printable report. */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'Europe/Paris' });

/** « 1er décembre 2026 », as French writes the first of the month. */
export const formatDate = (date: Date) => dateFormat.format(date).replace(/^1 /, '1er ');
export const formatShortDate = (date: Date) => shortDateFormat.format(date);

/** A self-positioning score as the candidate gave it (oui / partiellement / non). */
export function selfRatingLabel(score: number): string {
	if (score >= 0.75) return 'oui';
	if (score >= 0.25) return 'partiellement';
	return 'non';
}

export const sourceLabels: Record<string, string> = {
	quiz: 'quiz',
	scenario: 'mise en situation',
	portfolio: 'preuve d’expérience',
	observation: 'observation du formateur',
	self: 'positionnement'
};

export const unitKindLabels: Record<string, string> = {
	bloc: 'Bloc de compétences',
	ccp: 'Certificat de compétences professionnelles',
	certification: 'Capacités professionnelles',
	transversal: 'Compétences transversales'
};

export const competenceLabel = (unitKind: string) => (unitKind === 'bloc' || unitKind === 'ccp' || unitKind === 'transversal' ? 'Compétence' : 'Capacité');

export const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;

/** « 2 blocs validés sur 3 », « 1 unité validée sur 3 ». */
export function validatedTally(validated: number, total: number, blocs: boolean): string {
	const s = validated > 1 ? 's' : '';
	return blocs ? `${validated} bloc${s} validé${s} sur ${total}` : `${validated} unité${s} validée${s} sur ${total}`;
}

type Basis = { quizAnswers: number; scenarioDecisions: number; observations?: number; proofs?: number };

const isEmpty = (basis: Basis) => basis.quizAnswers + basis.scenarioDecisions + (basis.observations ?? 0) + (basis.proofs ?? 0) === 0;

/**
 * « 12 réponses à des quiz, 5 décisions en mise en situation et 2 observations »: what an
 * estimate rests on, observations and validated proofs named when there are any.
 */
export function basisText(basis: Basis): string {
	if (isEmpty(basis)) return 'aucune activité pour l’instant';
	const parts = [`${plural(basis.quizAnswers, 'réponse')} à des quiz`, `${plural(basis.scenarioDecisions, 'décision')} en mise en situation`];
	if (basis.observations) parts.push(plural(basis.observations, 'observation'));
	if (basis.proofs) parts.push(plural(basis.proofs, 'preuve validée', 'preuves validées'));
	return `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}

/** « Sur la base de 12 réponses… » or « Aucune activité enregistrée pour l’instant. » (French elides « de aucune »). */
export function basisSentence(basis: Basis): string {
	if (isEmpty(basis)) return 'Aucune activité pour l’instant.';
	return `Sur la base de ${basisText(basis)}.`;
}

/** « sur la base de 12 réponses… » or « sans activité enregistrée pour l’instant », inside a sentence. */
export function basisClause(basis: Basis): string {
	if (isEmpty(basis)) return 'sans activité enregistrée pour l’instant';
	return `sur la base de ${basisText(basis)}`;
}

/**
 * Who decides, per certification type: Jalon only estimates. For a CQPM the commission
 * d'évaluation evaluates and the jury paritaire de délibération awards (seeds 004 § 3, 002 § III);
 * for a titre professionnel the source describes no session format.
 */
export function whoDecides(type: string): string {
	return type === 'CQPM'
		? 'Jalon estime votre préparation à partir de vos activités ; il ne décide rien. Pour un CQPM, c’est la commission d’évaluation qui vous évalue, et le jury paritaire de délibération qui attribue le CQPM ou ses blocs.'
		: 'Jalon estime votre préparation à partir de vos activités ; il ne décide rien. Le titre professionnel est attribué par un jury ; votre centre de formation vous précise le déroulement de la session.';
}
