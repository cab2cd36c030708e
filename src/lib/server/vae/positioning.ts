/**
 * Self-positioning, as France VAE's feasibility file asks it (Oui / Non / Partiellement), but
 * per observable criterion. Pure: the answers, their score in the ledger, and the form's rules.
 */

export type PositioningAnswer = 'oui' | 'partiellement' | 'non';
export const POSITIONING_ANSWERS: readonly PositioningAnswer[] = ['oui', 'partiellement', 'non'];

export const ANSWER_LABELS: Record<PositioningAnswer, string> = {
	oui: 'Oui',
	partiellement: 'Partiellement',
	non: 'Non'
};

/** The score of a statement in the ledger (source `self`): shown beside mastery, never in it. */
export const ANSWER_SCORES: Record<PositioningAnswer, number> = { oui: 1, partiellement: 0.5, non: 0 };

/** The optional example from the applicant's work. */
export const EXAMPLE_MAX = 600;

export function parseAnswer(value: unknown): PositioningAnswer | null {
	return typeof value === 'string' && (POSITIONING_ANSWERS as readonly string[]).includes(value) ? (value as PositioningAnswer) : null;
}

/** True for the answers that claim the ability (and so call for proof). */
export const claims = (answer: PositioningAnswer | null | undefined): boolean => answer === 'oui' || answer === 'partiellement';

export interface PositioningInput {
	criterionId: string;
	answer: PositioningAnswer;
	example: string | null;
}

export interface PositioningFormResult {
	entries: PositioningInput[];
	/** Per criterion id, the French message shown beside its field. */
	errors: Record<string, string>;
	/** What was typed, per criterion, to show again on an error. */
	values: Record<string, { answer: string; example: string }>;
}

/**
 * Reads one competence's form: for each criterion, `answer-<id>` and `example-<id>`. A criterion
 * left without an answer is simply not saved (the applicant may position step by step); an
 * example without an answer, or over its limit, is an error beside that criterion.
 */
export function parsePositioningForm(form: { get(name: string): unknown }, criterionIds: readonly string[]): PositioningFormResult {
	const result: PositioningFormResult = { entries: [], errors: {}, values: {} };
	for (const criterionId of criterionIds) {
		const rawAnswer = form.get(`answer-${criterionId}`);
		const rawExample = form.get(`example-${criterionId}`);
		const example = typeof rawExample === 'string' ? rawExample.replace(/\r\n/g, '\n').trim() : '';
		const answer = parseAnswer(rawAnswer);
		result.values[criterionId] = { answer: typeof rawAnswer === 'string' ? rawAnswer : '', example };
		if (example.length > EXAMPLE_MAX) {
			result.errors[criterionId] = `L’exemple dépasse ${EXAMPLE_MAX} caractères (${example.length} saisis) : raccourcissez-le.`;
		} else if (rawAnswer !== null && rawAnswer !== undefined && rawAnswer !== '' && !answer) {
			result.errors[criterionId] = 'Choisissez oui, partiellement ou non.';
		} else if (!answer && example) {
			result.errors[criterionId] = 'Choisissez oui, partiellement ou non pour enregistrer cet exemple.';
		} else if (answer) {
			result.entries.push({ criterionId, answer, example: example || null });
		}
	}
	return result;
}
