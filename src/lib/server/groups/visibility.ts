/**
 * What a group's trainers see of a candidate: the one list, read by the join confirmation and
 * by « Mon compte » (who can see my data). Each issue that shows trainers something new
 * (positioning, experiences, documents, rehearsals, the projects report, the company's
 * opinion…) appends its entry here with `addTrainerVisibility`, in the module that shows it,
 * so the candidate is told before joining and can check it at any time.
 */

export interface VisibilityEntry {
	/** Stable key, for tests and de-duplication. */
	key: string;
	/** What trainers see, in the candidate's words (« votre progression critère par critère »). */
	label: string;
	/** An optional precision (« les réponses de chaque question, pas le texte saisi »). */
	detail?: string;
	/** Only for groups of this kind; for every group when absent. */
	onlyFor?: 'formation' | 'vae';
}

const entries: VisibilityEntry[] = [
	{
		key: 'progress',
		label: 'Votre progression, critère par critère',
		detail: 'Le statut estimé de chaque critère (non évalué, en cours, à consolider, acquis) et la date de votre dernière activité.'
	},
	{
		key: 'evidence',
		label: 'Vos preuves',
		detail: 'Les résultats de vos quiz et mises en situation, vos auto-évaluations et les observations enregistrées par un formateur.'
	},
	{
		key: 'assignments',
		label: 'Vos travaux assignés',
		detail: 'Pour chaque module assigné : non commencé, en cours ou terminé, et s’il est en retard.'
	},
	{
		key: 'rehearsals',
		label: 'Vos répétitions d’entretien',
		detail: 'Les réponses que vous écrivez aux questions de type commission, leurs versions précédentes et les points que vous cochez ; les formateurs peuvent les commenter.'
	},
	{
		key: 'identity',
		label: 'Votre nom et votre adresse e-mail',
		detail: 'Pour vous reconnaître dans la liste du groupe.'
	}
];

/** What trainers never see, whatever the group: said as plainly as what they see. */
export const NEVER_VISIBLE: readonly string[] = [
	'Votre mot de passe',
	'Vos autres groupes et ce que vous y faites',
	'Vos certifications hors de celle du groupe'
];

/** Adds what a later feature shows trainers; a key already listed is replaced, not doubled. */
export function addTrainerVisibility(entry: VisibilityEntry): void {
	const index = entries.findIndex((existing) => existing.key === entry.key);
	if (index >= 0) entries[index] = entry;
	else entries.push(entry);
}

/** What the trainers of a group of this kind see, in the order the list was written. */
export function trainerVisibility(kind?: 'formation' | 'vae'): readonly VisibilityEntry[] {
	return entries.filter((entry) => !entry.onlyFor || !kind || entry.onlyFor === kind);
}
