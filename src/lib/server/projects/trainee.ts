import { error } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/types';
import { getCatalog } from '../content/catalog';
import type { Catalog, Certification } from '../content/types';
import { getDb } from '../db';
import { findEnrolment } from '../enrolment/enrolment.repository';
import { isUuid } from '../db/ids';
import { isOwnProject } from './projects.repository';

export interface TraineeContext {
	user: SessionUser;
	catalog: Catalog;
	certification: Certification;
}

/**
 * The signed-in candidate of a projects-report page: enrolled in that certification on the
 * formation pathway, or a 404 (the same answer whether the certification exists or not).
 */
export async function requireTrainee(locals: App.Locals, certificationId: string): Promise<TraineeContext> {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	const enrolment = certification ? await findEnrolment(getDb(), user.id, certification.id) : null;
	if (!certification || enrolment?.pathway !== 'formation') error(404, 'Vous ne préparez pas cette certification en formation.');
	return { user, catalog, certification };
}

/** The project of the URL if it is one of the signed-in candidate's (a portfolio entry of kind « projet »), or a 404. */
export async function requireOwnProject(locals: App.Locals, params: { certification: string; projet: string }): Promise<TraineeContext & { projectId: string }> {
	const context = await requireTrainee(locals, params.certification);
	if (!isUuid(params.projet) || !(await isOwnProject(getDb(), context.user.id, params.projet))) error(404, 'Projet introuvable.');
	return { ...context, projectId: params.projet };
}
