/** French wording shared by the progress map and the printable report. */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'Europe/Paris' });

export const formatDate = (date: Date) => dateFormat.format(date);
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
