/**
 * What the feasibility page, the dossier and the JSON export load: per block its comment (with
 * its version, and a draft from the linked experiences), per competence the pre-filled state,
 * the applicant's own if they confirmed or changed it, and what disagrees with it.
 */
import type { Kysely } from 'kysely';
import type { Catalog, Certification } from '../content/types';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { periodOf } from '../portfolio/period';
import { loadPortfolio, type ExperienceView } from '../portfolio/portfolio.service';
import { findTexts, saveText } from '../portfolio/versioned-text.repository';
import type { SaveDecision } from '../portfolio/versioned-text';
import { assembleDraft, BLOCK_COMMENT_SCOPE, disagreementOf, prefillState, toExport, type Disagreement, type FeasibilityExport, type FeasibilityState } from './feasibility';
import { findStates, upsertStates } from './feasibility.repository';
import { loadGapAnalysis, type UnitGapView } from './gaps.service';
import { lockEnrolment } from './positioning.repository';

export interface CompetenceFeasibility {
	id: string;
	number: string;
	title: string;
	prefilled: FeasibilityState;
	/** The applicant's state, or null while they have not confirmed the pre-filled one. */
	chosen: FeasibilityState | null;
	state: FeasibilityState;
	disagreement: Disagreement | null;
}

export interface BlockFeasibility {
	id: string;
	code: string;
	title: string;
	comment: { body: string; version: number };
	draft: string;
	competences: CompetenceFeasibility[];
}

/** The draft of each unit's comment, from the experiences linked to its criteria. */
function draftFor(catalog: Pick<Catalog, 'criteria'>, unitId: string, experiences: readonly ExperienceView[]): string {
	return assembleDraft(
		experiences.map((e) => ({
			title: e.title,
			role: e.role,
			context: e.context,
			period: periodOf(e),
			activities: e.activities,
			results: e.results,
			links: e.links.flatMap((l) => {
				const criterion = catalog.criteria.get(l.criterionId);
				return criterion?.unitId === unitId ? [{ criterion: criterion.text, justification: l.justification, validated: l.status === 'validée' }] : [];
			})
		}))
	);
}

export function feasibilityOf(catalog: Pick<Catalog, 'criteria'>, gaps: readonly UnitGapView[], states: Map<string, FeasibilityState>, comments: Map<string, { body: string; version: number }>, experiences: readonly ExperienceView[]): BlockFeasibility[] {
	return gaps.map((unit) => ({
		id: unit.id,
		code: unit.code,
		title: unit.title,
		comment: comments.get(unit.id) ?? { body: '', version: 0 },
		draft: draftFor(catalog, unit.id, experiences),
		competences: unit.competences.map((competence) => {
			const basis = competence.criteria.map((c) => ({ id: c.id, text: c.text, gap: c.gap, answer: c.answer }));
			const prefilled = prefillState(basis);
			const chosen = states.get(competence.id) ?? null;
			const state = chosen ?? prefilled;
			return { id: competence.id, number: competence.number, title: competence.title, prefilled, chosen, state, disagreement: disagreementOf(state, basis) };
		})
	}));
}

export async function loadFeasibility(db: Executor, catalog: Catalog, userId: string, certification: Certification, now: Date): Promise<{ gaps: UnitGapView[]; blocks: BlockFeasibility[]; experiences: ExperienceView[] }> {
	const competenceIds = certification.units.flatMap((u) => u.competences.map((c) => c.id));
	const [gaps, states, comments, experiences] = await Promise.all([
		loadGapAnalysis(db, catalog, userId, certification, now),
		findStates(db, userId, competenceIds),
		findTexts(db, userId, BLOCK_COMMENT_SCOPE),
		loadPortfolio(db, userId, certification.id)
	]);
	return { gaps, blocks: feasibilityOf(catalog, gaps, states, comments, experiences), experiences };
}

export async function exportFeasibility(db: Executor, catalog: Catalog, userId: string, certification: Certification, now: Date): Promise<FeasibilityExport> {
	const { blocks } = await loadFeasibility(db, catalog, userId, certification, now);
	return toExport(
		certification,
		blocks.map((b) => ({ code: b.code, title: b.title, comment: b.comment.body, competences: b.competences.map((c) => ({ number: c.number, title: c.title, state: c.state, confirmed: c.chosen !== null })) })),
		now
	);
}

/** Saves the states of the competences sent (only competences of this certification). */
export async function saveStates(db: Kysely<Database>, certification: Certification, userId: string, states: readonly { competenceId: string; state: FeasibilityState }[], at: Date): Promise<boolean> {
	const own = new Set(certification.units.flatMap((u) => u.competences.map((c) => c.id)));
	return withTransaction(db, async (tx) => {
		if (!(await lockEnrolment(tx, userId, certification.id))) return false;
		await upsertStates(tx, userId, states.filter((s) => own.has(s.competenceId)), at);
		return true;
	});
}

/** Saves a block comment from the version the applicant started from (a stale one is a conflict). */
export async function saveBlockComment(db: Kysely<Database>, certification: Certification, input: { userId: string; unitId: string; baseVersion: number; body: string; at: Date }): Promise<SaveDecision | null> {
	if (!certification.units.some((u) => u.id === input.unitId)) return null;
	return saveText(db, { userId: input.userId, scope: BLOCK_COMMENT_SCOPE, key: input.unitId }, { baseVersion: input.baseVersion, body: input.body, at: input.at });
}
