import { error } from '@sveltejs/kit';
import { getCatalog } from '../content/catalog';
import type { Catalog, Certification, Competence, Module } from '../content/types';

export interface CertificationContext {
	catalog: Catalog;
	certification: Certification;
}

export interface ModuleContext extends CertificationContext {
	competence: Competence;
	module: Module;
}

/** The certification of a URL, or a 404 with a French message. */
export function requireCertification(certificationId: string): CertificationContext {
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	if (!certification) error(404, 'Certification introuvable.');
	return { catalog, certification };
}

/** The module of a URL's certification and competence, or a 404 with a French message. */
export function requireModule(certificationId: string, slug: string): ModuleContext {
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	const competence = catalog.competences.get(`${certificationId}.${slug}`);
	const module = catalog.modules.find((m) => m.competenceId === competence?.id);
	if (!certification || !competence || !module) error(404, 'Module introuvable.');
	return { catalog, certification, competence, module };
}
