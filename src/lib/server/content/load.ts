import { createHash } from 'node:crypto';
import { criterionLabel } from './criterion-label';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { equivalentsIndex } from '../referentiel/equivalences';
import { equivalencesSchema, metiersSchema, referentielSchema, type ReferentielFile } from '../referentiel/schema';
import { renderMarkdown } from './markdown';
import { lessonFrontMatterSchema, preparationFrontMatterSchema, preparationQuizFileSchema, questionsFileSchema, quizFileSchema, scenarioFileSchema, type CommissionQuestion } from './schema';
import type {
	Catalog,
	Certification,
	Competence,
	ContentProblem,
	Criterion,
	Lesson,
	LessonSection,
	Module,
	Preparation,
	Unit
} from './types';

/** Content files keyed by their path under content/, e.g. "referentiels/tci.yaml". */
export type ContentFiles = Map<string, string>;

export interface LoadResult {
	catalog: Catalog;
	problems: ContentProblem[];
}

const MODULE_FILE = /^modules\/([a-z]+)\/([a-z0-9]+)\/(lesson\.md|quiz\.yaml|scenarios\/[^/]+\.yaml)$/;
const QUESTIONS_FILE = /^modules\/([a-z]+)\/([a-z0-9]+)\/questions\.yaml$/;
const PREPARATION_FILE = /^preparation\/([a-z]+)\/(lesson\.md|quiz\.yaml)$/;
const SPECIAL_REFERENTIEL_FILES = new Set(['referentiels/equivalences.yaml', 'referentiels/metiers.yaml']);

function formatPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Parses YAML and validates it; on failure records where and returns null. */
function parseFile<T extends z.ZodType>(file: string, source: string, schema: T, problems: ContentProblem[]): z.infer<T> | null {
	let data: unknown;
	try {
		data = parseYaml(source, { uniqueKeys: true });
	} catch (error) {
		const where = error instanceof YAMLParseError && error.linePos ? `ligne ${error.linePos[0].line}` : '(fichier)';
		problems.push({ file, path: where, message: `YAML invalide : ${(error as Error).message.split('\n')[0]}` });
		return null;
	}
	const result = schema.safeParse(data ?? {});
	if (!result.success) {
		for (const issue of result.error.issues) {
			problems.push({ file, path: formatPath(issue.path) || '(racine)', message: `schéma : ${issue.message}` });
		}
		return null;
	}
	return result.data;
}

function buildCertification(file: ReferentielFile): Certification {
	const units: Unit[] = file.units.map((unit) => ({
		id: unit.id,
		code: unit.code,
		kind: unit.kind,
		title: unit.title,
		knowledge: unit.knowledge,
		certificationId: file.id,
		competences: unit.competences.map(
			(competence): Competence => ({
				id: competence.id,
				slug: competence.id.slice(competence.id.indexOf('.') + 1),
				number: competence.number,
				title: competence.title,
				conditions: competence.conditions,
				knowledge: competence.knowledge,
				unitId: unit.id,
				certificationId: file.id,
				criteria: competence.criteria.map(
					(criterion): Criterion => ({
						...criterion,
						label: criterionLabel(criterion.text, criterion.label),
						competenceId: competence.id,
						unitId: unit.id,
						certificationId: file.id
					})
				)
			})
		)
	}));
	return { ...file, units };
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const SECTION_HEADING = /^## +(.+?)(?: +\{#([\w.-]+)\})? *$/;

/** Splits a lesson into its front matter and its `## ` sections, each rendered to HTML. */
export function parseLesson(file: string, source: string, problems: ContentProblem[]): (Lesson & { competence: string }) | null {
	const match = FRONT_MATTER.exec(source);
	if (!match) {
		problems.push({ file, path: 'front matter', message: 'le fichier doit commencer par un en-tête YAML entre deux lignes ---' });
		return null;
	}
	const front = parseFile(file, match[1] ?? '', lessonFrontMatterSchema, problems);
	if (!front) return null;
	return { competence: front.competence, title: front.title, duration: front.duration ?? null, sections: parseSections(source.slice(match[0].length)) };
}

/** A preparation lesson: the same body as a competence lesson, its front matter naming `<cert>.prep`. */
export function parsePreparationLesson(file: string, source: string, problems: ContentProblem[]): (Lesson & { preparation: string }) | null {
	const match = FRONT_MATTER.exec(source);
	if (!match) {
		problems.push({ file, path: 'front matter', message: 'le fichier doit commencer par un en-tête YAML entre deux lignes ---' });
		return null;
	}
	const front = parseFile(file, match[1] ?? '', preparationFrontMatterSchema, problems);
	if (!front) return null;
	return { preparation: front.preparation, title: front.title, duration: front.duration ?? null, sections: parseSections(source.slice(match[0].length)) };
}

function parseSections(body: string): LessonSection[] {
	const sections: LessonSection[] = [];
	let current: { criterionId: string | null; title: string; lines: string[] } = { criterionId: null, title: '', lines: [] };
	const flush = () => {
		const markdown = current.lines.join('\n').trim();
		if (markdown || current.title) sections.push({ criterionId: current.criterionId, title: current.title, html: renderMarkdown(markdown) });
	};
	let inFence = false;
	for (const line of body.split(/\r?\n/)) {
		if (/^(```|~~~)/.test(line)) inFence = !inFence;
		const heading = inFence ? null : SECTION_HEADING.exec(line);
		if (heading) {
			flush();
			current = { criterionId: heading[2] ?? null, title: heading[1] ?? '', lines: [] };
		} else {
			current.lines.push(line);
		}
	}
	flush();
	return sections;
}

function hashFiles(contents: string[]): string {
	const hash = createHash('sha256');
	for (const content of contents) hash.update(content).update('\0');
	return hash.digest('hex').slice(0, 12);
}

/**
 * Builds the catalog from the content files. Invalid files are skipped and reported, so the
 * caller decides whether problems are fatal (the content check) or only logged (the server).
 */
export function loadCatalog(files: ContentFiles): LoadResult {
	const problems: ContentProblem[] = [];
	const certifications: Certification[] = [];
	const paths = [...files.keys()].sort();

	for (const file of paths.filter((path) => /^referentiels\/[^/]+\.yaml$/.test(path) && !SPECIAL_REFERENTIEL_FILES.has(path))) {
		const parsed = parseFile(file, files.get(file) ?? '', referentielSchema, problems);
		if (!parsed) continue;
		const expected = file.replace(/^referentiels\/|\.yaml$/g, '');
		if (parsed.id !== expected) {
			problems.push({ file, path: 'id', message: `l'identifiant « ${parsed.id} » doit être le nom du fichier (« ${expected} »)` });
		}
		certifications.push(buildCertification(parsed));
	}

	certifications.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'fr'));

	const equivalencesSource = files.get('referentiels/equivalences.yaml');
	const equivalences = equivalencesSource
		? (parseFile('referentiels/equivalences.yaml', equivalencesSource, equivalencesSchema, problems)?.equivalences ?? [])
		: [];
	const metiersSource = files.get('referentiels/metiers.yaml');
	const metiers = metiersSource ? (parseFile('referentiels/metiers.yaml', metiersSource, metiersSchema, problems)?.metiers ?? []) : [];

	const units = new Map<string, Unit>();
	const competences = new Map<string, Competence>();
	const criteria = new Map<string, Criterion>();
	for (const certification of certifications) {
		for (const unit of certification.units) {
			units.set(unit.id, unit);
			for (const competence of unit.competences) {
				competences.set(competence.id, competence);
				for (const criterion of competence.criteria) criteria.set(criterion.id, criterion);
			}
		}
	}

	const moduleFiles = new Map<string, string[]>();
	const questions = new Map<string, CommissionQuestion[]>();
	const preparationFiles = new Map<string, string[]>();
	for (const file of paths) {
		const questionsMatch = QUESTIONS_FILE.exec(file);
		if (questionsMatch) {
			const competenceId = `${questionsMatch[1]}.${questionsMatch[2]}`;
			if (!competences.has(competenceId)) problems.push({ file, path: '(fichier)', message: `aucune compétence « ${competenceId} » dans les référentiels` });
			else questions.set(competenceId, parseFile(file, files.get(file) ?? '', questionsFileSchema, problems)?.questions ?? []);
			continue;
		}
		const preparationMatch = PREPARATION_FILE.exec(file);
		if (preparationMatch) {
			const key = preparationMatch[1]!;
			preparationFiles.set(key, [...(preparationFiles.get(key) ?? []), file]);
			continue;
		}
		if (file.startsWith('preparation/')) {
			problems.push({ file, path: '(fichier)', message: 'fichier inattendu dans une préparation (lesson.md ou quiz.yaml)' });
			continue;
		}
		const match = MODULE_FILE.exec(file);
		if (!match) {
			if (file.startsWith('modules/') && !file.endsWith('.gitkeep')) {
				problems.push({ file, path: '(fichier)', message: 'fichier inattendu dans un module (lesson.md, quiz.yaml ou scenarios/*.yaml)' });
			}
			continue;
		}
		const key = `${match[1]}.${match[2]}`;
		moduleFiles.set(key, [...(moduleFiles.get(key) ?? []), file]);
	}

	const modules: Module[] = [];
	for (const [competenceId, moduleFilePaths] of moduleFiles) {
		const competence = competences.get(competenceId);
		const folder = `modules/${competenceId.replace('.', '/')}`;
		if (!competence) {
			problems.push({ file: folder, path: '(dossier)', message: `aucune compétence « ${competenceId} » dans les référentiels` });
			continue;
		}
		const module: Module = {
			competenceId,
			certificationId: competence.certificationId,
			slug: competence.slug,
			lesson: null,
			quiz: [],
			scenarios: [],
			contentVersion: hashFiles(moduleFilePaths.map((path) => files.get(path) ?? ''))
		};
		for (const file of moduleFilePaths) {
			const source = files.get(file) ?? '';
			if (file.endsWith('lesson.md')) {
				const lesson = parseLesson(file, source, problems);
				if (lesson && lesson.competence !== competenceId) {
					problems.push({ file, path: 'competence', message: `l'en-tête nomme « ${lesson.competence} » mais le dossier est celui de « ${competenceId} »` });
				}
				if (lesson) module.lesson = { title: lesson.title, duration: lesson.duration, sections: lesson.sections };
			} else if (file.endsWith('quiz.yaml')) {
				module.quiz = parseFile(file, source, quizFileSchema, problems)?.items ?? [];
			} else {
				const scenario = parseFile(file, source, scenarioFileSchema, problems);
				if (scenario) module.scenarios.push({ ...scenario, file });
			}
		}
		modules.push(module);
	}
	modules.sort((a, b) => a.competenceId.localeCompare(b.competenceId, 'fr', { numeric: true }));

	const preparations: Preparation[] = [];
	for (const [certificationId, preparationFilePaths] of preparationFiles) {
		if (!certifications.some((certification) => certification.id === certificationId)) {
			problems.push({ file: `preparation/${certificationId}`, path: '(dossier)', message: `aucune certification « ${certificationId} » dans les référentiels` });
			continue;
		}
		const id = `${certificationId}.prep`;
		const preparation: Preparation = { id, certificationId, lesson: null, quiz: [], contentVersion: hashFiles(preparationFilePaths.map((path) => files.get(path) ?? '')) };
		for (const file of preparationFilePaths) {
			const source = files.get(file) ?? '';
			if (file.endsWith('lesson.md')) {
				const lesson = parsePreparationLesson(file, source, problems);
				if (lesson && lesson.preparation !== id) problems.push({ file, path: 'preparation', message: `l'en-tête nomme « ${lesson.preparation} » mais le dossier est celui de « ${id} »` });
				if (lesson) preparation.lesson = { title: lesson.title, duration: lesson.duration, sections: lesson.sections };
			} else {
				preparation.quiz = parseFile(file, source, preparationQuizFileSchema, problems)?.items ?? [];
			}
		}
		preparations.push(preparation);
	}
	preparations.sort((a, b) => certifications.findIndex((c) => c.id === a.certificationId) - certifications.findIndex((c) => c.id === b.certificationId));

	// Built once here: every reader asks the catalog, none rebuilds the index.
	const equivalents = equivalentsIndex(equivalences);
	const equivalentsOf = (criterionId: string) => equivalents.get(criterionId) ?? [];
	return { catalog: { certifications, modules, equivalences, equivalentsOf, metiers, questions, preparations, criteria, competences, units }, problems };
}
