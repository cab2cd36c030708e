import type { CommissionQuestion, PreparationItem, QuizItemFile, ScenarioFile } from './schema';
import type { MetiersFile, ReferentielFile } from '../referentiel/schema';

export type Aspect = ReferentielFile['units'][number]['competences'][number]['criteria'][number]['aspect'];

export interface Criterion {
	id: string;
	text: string;
	/** Short name shown to learners instead of the id (the référentiel's label, or criterionLabel's fallback). */
	label: string;
	aspect: Aspect;
	kind: 'critère' | 'résultat attendu';
	official: boolean;
	note?: string;
	competenceId: string;
	unitId: string;
	certificationId: string;
}

export interface Competence {
	id: string;
	/** The last part of the id: the module's folder name and URL segment (c1, ct2…). */
	slug: string;
	number: string;
	title: string;
	conditions: string[];
	knowledge: string[];
	criteria: Criterion[];
	unitId: string;
	certificationId: string;
}

export interface Unit {
	id: string;
	code: string;
	kind: 'bloc' | 'ccp' | 'certification' | 'transversal';
	title: string;
	knowledge: string[];
	competences: Competence[];
	certificationId: string;
}

export interface Certification extends Omit<ReferentielFile, 'units'> {
	units: Unit[];
}

export interface LessonSection {
	/** The criterion the section teaches, or null for an introduction or a closing section. */
	criterionId: string | null;
	title: string;
	/** Sanitized HTML, rendered once when content is loaded. */
	html: string;
}

export interface Lesson {
	title: string;
	duration: number | null;
	sections: LessonSection[];
}

export type QuizItem = QuizItemFile;

export type ScenarioNode = ScenarioFile['nodes'][string];
/** A scenario with the file it was read from, so problems can name it. */
export type Scenario = ScenarioFile & { file: string };

export interface Module {
	competenceId: string;
	certificationId: string;
	slug: string;
	lesson: Lesson | null;
	quiz: QuizItem[];
	scenarios: Scenario[];
	/** Short hash of the module's files: evidence records which version of an item it answered. */
	contentVersion: string;
}

export type { CommissionQuestion, PreparationItem };

/**
 * The « Préparer l'évaluation » module of a certification (`preparation/<cert>/`): how the
 * certification is evaluated, from the référentiel's own text. Not a competence: its quiz is on
 * the certifier's rules and is recorded outside the evidence ledger.
 */
export interface Preparation {
	/** `<cert>.prep` */
	id: string;
	certificationId: string;
	lesson: Lesson | null;
	quiz: PreparationItem[];
	/** Short hash of the module's files, recorded with each answer. */
	contentVersion: string;
}

export interface Equivalence {
	criteria: string[];
	why: string;
}

export type Metier = MetiersFile['metiers'][number];

export interface Catalog {
	certifications: Certification[];
	modules: Module[];
	equivalences: Equivalence[];
	/** The criteria of other certifications declared equivalent to a criterion (indexed once, at load). */
	equivalentsOf: (criterionId: string) => string[];
	metiers: Metier[];
	/** Commission questions per competence id (questions.yaml), kept apart from the module so they do not change its content version. */
	questions: Map<string, CommissionQuestion[]>;
	/** One « Préparer l'évaluation » module per certification that has one. */
	preparations: Preparation[];
	criteria: Map<string, Criterion>;
	competences: Map<string, Competence>;
	units: Map<string, Unit>;
}

/** A problem found in the content, located precisely enough for an author to fix it. */
export interface ContentProblem {
	file: string;
	path: string;
	message: string;
}
