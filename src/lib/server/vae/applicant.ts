import { error } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/types';
import { getCatalog } from '../content/catalog';
import type { Catalog, Certification, Competence } from '../content/types';
import { getDb } from '../db';
import { findEnrolment } from '../enrolment/enrolment.repository';

export interface ApplicantContext {
	user: SessionUser;
	catalog: Catalog;
	certification: Certification;
}

/**
 * The signed-in applicant of a /vae/[certification] page: enrolled in that certification on the
 * VAE pathway, or a 404 (the same answer whether the certification exists or not).
 */
export async function requireVaeApplicant(locals: App.Locals, certificationId: string): Promise<ApplicantContext> {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	const enrolment = certification ? await findEnrolment(getDb(), user.id, certification.id) : null;
	if (!certification || enrolment?.pathway !== 'vae') error(404, 'Vous ne préparez pas cette certification en VAE.');
	return { user, catalog, certification };
}

/** The competence of a positioning URL (`/vae/tci/positionnement/c1`), or a 404. */
export function requireCompetence(catalog: Catalog, certificationId: string, slug: string): Competence {
	const competence = catalog.competences.get(`${certificationId}.${slug}`);
	if (!competence) error(404, 'Compétence introuvable.');
	return competence;
}

/** Today as YYYY-MM-DD, in France (experience dates are compared with it). */
export const todayInFrance = (now = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(now);
