import { error } from '@sveltejs/kit';
import { getCatalog } from '../content/catalog';
import type { Catalog, Certification, Competence, Module } from '../content/types';
import { equivalentsIndex } from '../referentiel/equivalences';

export interface ModuleContext {
	catalog: Catalog;
	certification: Certification;
	competence: Competence;
	module: Module;
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

let equivalents: Map<string, string[]> | null = null;

/** The equivalent criteria of a criterion, from the catalog's equivalences (indexed once). */
export function equivalentsOf(criterionId: string): string[] {
	equivalents ??= equivalentsIndex(getCatalog().equivalences);
	return equivalents.get(criterionId) ?? [];
}
