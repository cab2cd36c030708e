/**
 * A project of the projects report (« Mon rapport de projets »): its fields, their limits and
 * the rules of its form. Pure, so the pages and the tests share them. A project is stored as a
 * portfolio experience of kind « projet » (../portfolio) plus what it adds (portfolio_project):
 * « what you did » is the experience's activities, « result » its results.
 */
import { isIsoDate, type ExperienceInput } from '../portfolio/experience';

export const PROJECT_LIMITS = {
	title: 120,
	context: 600,
	role: 120,
	objective: 1000,
	activities: 3000,
	results: 2000,
	figures: 1000,
	documents: 1000
} as const;

export type ProjectTextField = keyof typeof PROJECT_LIMITS;
export type ProjectField = ProjectTextField | 'startDate' | 'endDate';

export interface ProjectDetails {
	objective: string;
	figures: string;
	documents: string;
}

export interface ProjectInput extends ProjectDetails {
	experience: ExperienceInput;
}

const REQUIRED: Partial<Record<ProjectTextField, string>> = {
	title: 'Donnez un titre à ce projet.',
	context: 'Décrivez le contexte : l’entreprise, le service, le client (anonymisé).',
	role: 'Indiquez votre rôle dans ce projet.',
	objective: 'Dites quel était l’objectif du projet.',
	activities: 'Décrivez ce que vous avez fait vous-même.',
	results: 'Dites ce que le projet a produit, même approximativement.'
};

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

export type ProjectParse =
	| { ok: true; value: ProjectInput }
	| { ok: false; errors: Partial<Record<ProjectField, string>>; values: Record<string, string> };

/** Reads and checks a project form: the texts within their limits, a start date, an end not before it. */
export function parseProjectForm(form: { get(name: string): unknown }, today: string): ProjectParse {
	const values: Record<string, string> = {};
	for (const name of [...Object.keys(PROJECT_LIMITS), 'startDate', 'endDate']) values[name] = text(form.get(name));
	const errors: Partial<Record<ProjectField, string>> = {};
	for (const [field, max] of Object.entries(PROJECT_LIMITS) as [ProjectTextField, number][]) {
		const value = values[field]!;
		if (!value && REQUIRED[field]) errors[field] = REQUIRED[field];
		else if (value.length > max) errors[field] = `${max} caractères au plus : ${value.length} saisis. Raccourcissez le texte.`;
	}
	const startDate = values.startDate || null;
	const endDate = values.endDate || null;
	if (!startDate) errors.startDate = 'Indiquez quand le projet a commencé.';
	else if (!isIsoDate(startDate)) errors.startDate = 'Date de début invalide : utilisez le format jj/mm/aaaa.';
	else if (startDate > today) errors.startDate = 'La date de début ne peut pas être dans le futur.';
	if (endDate && !isIsoDate(endDate)) errors.endDate = 'Date de fin invalide : utilisez le format jj/mm/aaaa.';
	else if (endDate && startDate && isIsoDate(startDate) && endDate < startDate) errors.endDate = 'La date de fin est avant la date de début.';
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return {
		ok: true,
		value: {
			experience: { title: values.title!, context: values.context!, role: values.role!, startDate, endDate, durationBand: null, activities: values.activities!, results: values.results! },
			objective: values.objective!,
			figures: values.figures!,
			documents: values.documents!
		}
	};
}

/** The documents a project lists, one per line. */
export const documentList = (documents: string) => documents.split('\n').map((line) => line.trim()).filter(Boolean);
