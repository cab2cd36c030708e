/**
 * A professional experience and its links to criteria: the limits and the rules of the forms.
 * Pure, so the applicant's pages and the tests share them.
 */

export type DurationBand = 'moins-1' | '1-3' | 'plus-3' | 'plus-5' | 'plus-10';
/** France VAE's duration bands, in its words. */
export const DURATION_BANDS: readonly { value: DurationBand; label: string }[] = [
	{ value: 'moins-1', label: 'Moins d’un an' },
	{ value: '1-3', label: '1 à 3 ans' },
	{ value: 'plus-3', label: 'Plus de 3 ans' },
	{ value: 'plus-5', label: 'Plus de 5 ans' },
	{ value: 'plus-10', label: 'Plus de 10 ans' }
];
export const durationLabel = (band: DurationBand | null) => DURATION_BANDS.find((b) => b.value === band)?.label ?? null;

/** Character limits, shown beside each field. */
export const EXPERIENCE_LIMITS = {
	title: 120,
	context: 160,
	role: 120,
	activities: 3000,
	results: 2000
} as const;
/** A link's justification: one line. */
export const JUSTIFICATION_MAX = 300;

export type ExperienceField = keyof typeof EXPERIENCE_LIMITS | 'startDate' | 'endDate' | 'durationBand';

export interface ExperienceInput {
	title: string;
	context: string;
	role: string;
	startDate: string | null;
	endDate: string | null;
	durationBand: DurationBand | null;
	activities: string;
	results: string;
}

const REQUIRED: Record<keyof typeof EXPERIENCE_LIMITS, string> = {
	title: 'Donnez un titre à cette expérience.',
	context: 'Indiquez l’employeur ou le contexte (il peut être anonymisé : « PME de mécanique, 40 salariés »).',
	role: 'Indiquez le poste ou le rôle que vous teniez.',
	activities: 'Décrivez les activités que vous meniez.',
	results: 'Dites ce que ces activités ont produit (résultats, même approximatifs).'
};

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

/** A real calendar day written YYYY-MM-DD (what an <input type="date"> sends). */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export type ExperienceParse =
	| { ok: true; value: ExperienceInput }
	| { ok: false; errors: Partial<Record<ExperienceField, string>>; values: Record<string, string> };

/**
 * Reads and checks an experience form. Either a start date (and an optional end, not before
 * it) or a duration band dates the experience; every text within its limit.
 */
export function parseExperienceForm(form: { get(name: string): unknown }, today: string): ExperienceParse {
	const values: Record<string, string> = {};
	for (const name of ['title', 'context', 'role', 'startDate', 'endDate', 'durationBand', 'activities', 'results']) values[name] = text(form.get(name));
	const errors: Partial<Record<ExperienceField, string>> = {};
	for (const [field, max] of Object.entries(EXPERIENCE_LIMITS) as [keyof typeof EXPERIENCE_LIMITS, number][]) {
		const value = values[field]!;
		if (!value) errors[field] = REQUIRED[field];
		else if (value.length > max) errors[field] = `${max} caractères au plus : ${value.length} saisis. Raccourcissez le texte.`;
	}
	const startDate = values.startDate || null;
	const endDate = values.endDate || null;
	const band = DURATION_BANDS.find((b) => b.value === values.durationBand)?.value ?? null;
	if (values.durationBand && !band) errors.durationBand = 'Choisissez une durée dans la liste.';
	if (startDate && !isIsoDate(startDate)) errors.startDate = 'Date de début invalide : utilisez le format jj/mm/aaaa.';
	else if (startDate && startDate > today) errors.startDate = 'La date de début ne peut pas être dans le futur.';
	if (endDate && !isIsoDate(endDate)) errors.endDate = 'Date de fin invalide : utilisez le format jj/mm/aaaa.';
	else if (endDate && !startDate) errors.endDate = 'Indiquez aussi la date de début, ou laissez la fin vide et choisissez une durée.';
	else if (endDate && startDate && isIsoDate(startDate) && endDate < startDate) errors.endDate = 'La date de fin est avant la date de début.';
	if (!startDate && !band && !errors.durationBand) errors.startDate = 'Indiquez une date de début, ou choisissez une durée.';
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return {
		ok: true,
		value: {
			title: values.title!,
			context: values.context!,
			role: values.role!,
			startDate,
			endDate,
			durationBand: band,
			activities: values.activities!,
			results: values.results!
		}
	};
}

/** A justification's message beside its field, or null when it is fine. */
export function justificationError(value: string): string | null {
	if (!value) return 'Dites en une ligne en quoi cette expérience prouve ce critère.';
	if (value.includes('\n')) return 'La justification tient en une ligne.';
	if (value.length > JUSTIFICATION_MAX) return `${JUSTIFICATION_MAX} caractères au plus : ${value.length} saisis.`;
	return null;
}

/** A review's reason: required for « à compléter ». */
export const REASON_MAX = 600;
export function reviewReasonError(decision: 'validée' | 'à compléter', reason: string): string | null {
	if (decision === 'à compléter' && !reason) return 'Dites ce qu’il faut compléter : le candidat lira ce motif.';
	if (reason.length > REASON_MAX) return `${REASON_MAX} caractères au plus : ${reason.length} saisis.`;
	return null;
}

export const COMMENT_MAX = 1500;
