/**
 * « Mon rapport de projets »: a project is a portfolio experience of kind « projet » with its
 * details (portfolio_project). Links, reviews and evidence are the portfolio's own use cases
 * (../portfolio/portfolio.service.ts): a validated link is one `portfolio` evidence row,
 * withdrawn by a superseding row when the project or the link changes.
 */
import type { Kysely } from 'kysely';
import type { Catalog } from '../content/types';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { findEnrolment } from '../enrolment/enrolment.repository';
import * as portfolio from '../portfolio/portfolio.repository';
import { loadPortfolio, reopenLinks, type ExperienceView } from '../portfolio/portfolio.service';
import { decideSave, type SaveDecision } from '../portfolio/versioned-text';
import type { ProjectDetails, ProjectInput } from './project';
import * as repo from './projects.repository';

/** Creates a project; null when the candidate is not in training for this certification. */
export async function createProject(db: Kysely<Database>, input: { userId: string; certificationId: string; project: ProjectInput; at: Date }): Promise<string | null> {
	return withTransaction(db, async (tx) => {
		if ((await findEnrolment(tx, input.userId, input.certificationId))?.pathway !== 'formation') return null;
		const id = await portfolio.insertExperience(tx, input.userId, input.certificationId, input.project.experience, input.at, 'projet');
		await repo.insertProjectDetails(tx, id, input.userId, { objective: input.project.objective, figures: input.project.figures, documents: input.project.documents });
		return id;
	});
}

/**
 * Saves an edited project. A change to what its links rest on (what was done, the result, the
 * objective or the figures) sends every link back to « à revoir » and withdraws validated proofs.
 */
export async function updateProject(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'equivalentsOf'>,
	input: { userId: string; projectId: string; project: ProjectInput; at: Date; bases?: Partial<Record<ProjectAutosavedField, string>> }
): Promise<boolean | { conflicts: TextConflicts }> {
	return withTransaction(db, async (tx) => {
		if (!(await repo.isOwnProject(tx, input.userId, input.projectId))) return false;
		const before = await portfolio.findExperience(tx, input.userId, input.projectId, { lock: true });
		const details = (await repo.listProjectDetails(tx, [input.projectId])).get(input.projectId);
		if (!before || !details) return false;
		const next = input.project;
		// A long text changed elsewhere (another tab's autosave) since this form was opened, and changed here too: nothing is written.
		const conflicts: TextConflicts = {};
		for (const field of PROJECT_AUTOSAVED_FIELDS) {
			const base = input.bases?.[field];
			if (base !== undefined && before[field] !== base && before[field] !== next.experience[field]) conflicts[field] = { theirs: before[field], version: before.version };
		}
		if (Object.keys(conflicts).length > 0) return { conflicts };
		if (before.activities !== next.experience.activities || before.results !== next.experience.results || details.objective !== next.objective || details.figures !== next.figures) {
			await reopenLinks(tx, catalog, input.userId, await portfolio.listLinksOfExperiences(tx, [before.id], { lock: true }), input.at);
		}
		await portfolio.updateExperienceRow(tx, before.id, next.experience, input.at);
		await repo.updateProjectDetails(tx, before.id, { objective: next.objective, figures: next.figures, documents: next.documents });
		return true;
	});
}

/** The long texts of a project that save themselves (AutosaveTextarea), all under the experience's one version. */
export const PROJECT_AUTOSAVED_FIELDS = ['context', 'activities', 'results'] as const;
export type ProjectAutosavedField = (typeof PROJECT_AUTOSAVED_FIELDS)[number];
export type TextConflicts = Partial<Record<ProjectAutosavedField, { theirs: string; version: number }>>;

/**
 * The autosave of one long text of a project: saved when nobody saved that text since
 * `baseVersion` / `baseBody`, a conflict otherwise (decideSave, as for a VAE experience). A
 * changed « what I did » or result sends the links back to review, as the full form does; the
 * context does not (the links do not rest on it).
 */
export async function saveProjectText(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'equivalentsOf'>,
	input: { userId: string; projectId: string; field: ProjectAutosavedField; baseVersion: number; baseBody?: string; body: string; at: Date }
): Promise<SaveDecision | null> {
	return withTransaction(db, async (tx) => {
		if (!(await repo.isOwnProject(tx, input.userId, input.projectId))) return null;
		const before = await portfolio.findExperience(tx, input.userId, input.projectId, { lock: true });
		if (!before) return null;
		const decision = decideSave({ body: before[input.field], version: before.version }, input.baseVersion, input.body, input.baseBody);
		if (decision.kind !== 'save') return decision;
		if (input.field !== 'context') await reopenLinks(tx, catalog, input.userId, await portfolio.listLinksOfExperiences(tx, [before.id], { lock: true }), input.at);
		await portfolio.updateExperienceText(tx, before.id, input.field, input.body, input.at);
		return { kind: 'save', version: before.version + 1 } as const;
	});
}

export interface ProjectView extends ExperienceView, ProjectDetails {}

/** The candidate's projects in a certification, with their links, reviews, comments and details. */
export async function loadProjects(db: Executor, userId: string, certificationId: string): Promise<ProjectView[]> {
	const experiences = await loadPortfolio(db, userId, certificationId, 'projet');
	const details = await repo.listProjectDetails(db, experiences.map((e) => e.id));
	return experiences.map((e) => ({ ...e, ...(details.get(e.id) ?? { objective: '', figures: '', documents: '' }) }));
}
