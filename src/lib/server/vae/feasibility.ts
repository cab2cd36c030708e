/**
 * The feasibility file's fields, as France VAE's online form asks them: per competence a state
 * Oui / Non / Partiellement, per block a comment of at most 10,000 characters. Pure: the
 * pre-fill rule, the disagreement check, the block comment's draft and the JSON export's shape.
 */
import type { GapClass } from './gaps';
import type { PositioningAnswer } from './positioning';

export type FeasibilityState = PositioningAnswer;
export const FEASIBILITY_STATES: readonly FeasibilityState[] = ['oui', 'partiellement', 'non'];
export const STATE_LABELS: Record<FeasibilityState, string> = { oui: 'Oui', partiellement: 'Partiellement', non: 'Non' };
/** The export's values (README « Export du dossier de faisabilité »). */
export const EXPORT_VALUES: Record<FeasibilityState, 'YES' | 'NO' | 'PARTIALLY'> = { oui: 'YES', non: 'NO', partiellement: 'PARTIALLY' };

/** France VAE's limit on a block comment. */
export const BLOCK_COMMENT_MAX = 10_000;
/** The scope of block comments in versioned_text; the key is the unit id. */
export const BLOCK_COMMENT_SCOPE = 'vae-bloc';

export const parseState = (value: unknown): FeasibilityState | null =>
	typeof value === 'string' && (FEASIBILITY_STATES as readonly string[]).includes(value) ? (value as FeasibilityState) : null;

export interface CriterionBasis {
	id: string;
	text: string;
	gap: GapClass;
	answer: PositioningAnswer | null;
}

/**
 * What one criterion says about its competence:
 * - oui: proved (« démontré en situation réelle »), or positioned oui with nothing contradicting it;
 * - partiellement: positioned partiellement, or positioned oui but « à consolider »;
 * - non: positioned non, or not positioned (nothing claims it).
 */
export function criterionSuggestion(criterion: Pick<CriterionBasis, 'gap' | 'answer'>): FeasibilityState {
	if (criterion.gap === 'prouvé') return 'oui';
	if (criterion.gap === 'à consolider') return 'partiellement';
	if (criterion.answer === 'oui') return 'oui';
	if (criterion.answer === 'partiellement') return 'partiellement';
	return 'non';
}

/**
 * The pre-filled state of a competence: Oui when every criterion says oui (positioned oui or
 * proved, none à consolider), Non when every criterion says non (positioned non or not
 * positioned, none proved), Partiellement otherwise. A competence without criteria is Non.
 */
export function prefillState(criteria: readonly Pick<CriterionBasis, 'gap' | 'answer'>[]): FeasibilityState {
	const said = criteria.map(criterionSuggestion);
	if (said.length > 0 && said.every((s) => s === 'oui')) return 'oui';
	if (said.every((s) => s === 'non')) return 'non';
	return 'partiellement';
}

export interface Disagreement {
	/** The state the evidence suggests. */
	suggested: FeasibilityState;
	/** The criteria whose own suggestion differs from the chosen state. */
	criteria: { id: string; text: string; says: FeasibilityState }[];
}

/** Null when the chosen state is the pre-filled one; otherwise what disagrees with it. */
export function disagreementOf(chosen: FeasibilityState, criteria: readonly CriterionBasis[]): Disagreement | null {
	const suggested = prefillState(criteria);
	if (chosen === suggested) return null;
	return {
		suggested,
		criteria: criteria.map((c) => ({ id: c.id, text: c.text, says: criterionSuggestion(c) })).filter((c) => c.says !== chosen)
	};
}

/** The French message beside a block comment over the limit, or null. */
export function blockCommentError(body: string): string | null {
	return body.length > BLOCK_COMMENT_MAX
		? `Ce commentaire compte ${body.length.toLocaleString('fr-FR')} caractères : le dossier de faisabilité en accepte ${BLOCK_COMMENT_MAX.toLocaleString('fr-FR')} au plus. Raccourcissez-le ; votre texte est conservé ci-dessous.`
		: null;
}

export interface DraftExperience {
	title: string;
	role: string;
	context: string;
	period: string;
	activities: string;
	results: string;
	/** The links of this experience to the block's criteria. */
	links: { criterion: string; justification: string; validated: boolean }[];
}

/**
 * A draft of a block comment, from the experiences linked to the block's criteria: one
 * paragraph per experience (what, where, when, what was done and achieved), then what it
 * shows, criterion by criterion. Cut at the limit on a paragraph boundary.
 */
export function assembleDraft(experiences: readonly DraftExperience[]): string {
	const paragraphs = experiences
		.filter((e) => e.links.length > 0)
		.map((e) => {
			const lines = [`${e.title} — ${e.role}, ${e.context} (${e.period}).`, e.activities.trim(), e.results.trim() ? `Résultats : ${e.results.trim()}` : ''];
			const shows = e.links.map((l) => `- ${l.criterion} : ${l.justification.trim()}`);
			return [...lines.filter(Boolean), 'Ce que cette expérience montre :', ...shows].join('\n');
		});
	let draft = '';
	for (const paragraph of paragraphs) {
		const next = draft ? `${draft}\n\n${paragraph}` : paragraph;
		if (next.length > BLOCK_COMMENT_MAX) break;
		draft = next;
	}
	return draft;
}

/** The JSON export (README « Export du dossier de faisabilité » documents each field). */
export interface FeasibilityExport {
	format: 'jalon-vae-faisabilite/1';
	exportedAt: string;
	certification: { id: string; title: string; type: string };
	blocks: {
		code: string;
		label: string;
		comment: string;
		competences: { label: string; state: 'YES' | 'NO' | 'PARTIALLY'; confirmed: boolean }[];
	}[];
}

export interface FeasibilityBlock {
	code: string;
	title: string;
	comment: string;
	competences: { number: string; title: string; state: FeasibilityState; confirmed: boolean }[];
}

export function toExport(certification: { id: string; title: string; type: string }, blocks: readonly FeasibilityBlock[], at: Date): FeasibilityExport {
	return {
		format: 'jalon-vae-faisabilite/1',
		exportedAt: at.toISOString(),
		certification: { id: certification.id, title: certification.title, type: certification.type },
		blocks: blocks.map((block) => ({
			code: block.code,
			label: block.title,
			comment: block.comment,
			competences: block.competences.map((c) => ({ label: `${c.number}. ${c.title}`, state: EXPORT_VALUES[c.state], confirmed: c.confirmed }))
		}))
	};
}
