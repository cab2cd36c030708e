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
export async function updateProject(db: Kysely<Database>, catalog: Pick<Catalog, 'equivalentsOf'>, input: { userId: string; projectId: string; project: ProjectInput; at: Date }): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await repo.isOwnProject(tx, input.userId, input.projectId))) return false;
		const before = await portfolio.findExperience(tx, input.userId, input.projectId, { lock: true });
		const details = (await repo.listProjectDetails(tx, [input.projectId])).get(input.projectId);
		if (!before || !details) return false;
		const next = input.project;
		if (before.activities !== next.experience.activities || before.results !== next.experience.results || details.objective !== next.objective || details.figures !== next.figures) {
			await reopenLinks(tx, catalog, input.userId, await portfolio.listLinksOfExperiences(tx, [before.id], { lock: true }), input.at);
		}
		await portfolio.updateExperienceRow(tx, before.id, next.experience, input.at);
		await repo.updateProjectDetails(tx, before.id, { objective: next.objective, figures: next.figures, documents: next.documents });
		return true;
	});
}

export interface ProjectView extends ExperienceView, ProjectDetails {}

/** The candidate's projects in a certification, with their links, reviews, comments and details. */
export async function loadProjects(db: Executor, userId: string, certificationId: string): Promise<ProjectView[]> {
	const experiences = await loadPortfolio(db, userId, certificationId, 'projet');
	const details = await repo.listProjectDetails(db, experiences.map((e) => e.id));
	return experiences.map((e) => ({ ...e, ...(details.get(e.id) ?? { objective: '', figures: '', documents: '' }) }));
}
