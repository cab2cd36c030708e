/**
 * The observation form, pure: what a trainer typed → either a clear French message beside each
 * field at fault, or a draft the service records. No database: the caller passes the group's
 * members and the certification's criteria.
 */
import { hasControlCharacters, CONTROL_CHARACTER_MESSAGE } from '../auth/validation';
import type { ObservationSituation } from '../evidence/types';
import { parseIsoDay, type IsoDay } from '../groups/days';

export const SITUATIONS: ReadonlyArray<{ value: ObservationSituation; label: string; hint: string }> = [
	{ value: 'réelle', label: 'Situation professionnelle réelle', hint: 'En entreprise, sur une activité réelle : ce que la commission retient.' },
	{ value: 'entretien', label: 'Entretien avec apport de preuves', hint: 'Questionnement sur des activités réalisées en entreprise, preuves à l’appui.' },
	{ value: 'reconstituée', label: 'Situation reconstituée', hint: 'En centre, jeu de rôle ou cas : de l’entraînement, qui ne démontre pas un critère en situation réelle.' }
];

export const RESULTS: ReadonlyArray<{ value: '1' | '0.5' | '0'; score: number; label: string }> = [
	{ value: '1', score: 1, label: 'Acquis' },
	{ value: '0.5', score: 0.5, label: 'En cours' },
	{ value: '0', score: 0, label: 'Non acquis' }
];

export const PLACE_MAX = 200;
export const TUTOR_MAX = 120;
export const COMMENT_MAX = 1000;

/** The name of the result and comment fields of one candidate on one criterion. */
export const resultField = (candidateId: string, criterionId: string) => `resultat__${candidateId}__${criterionId}`;
export const commentField = (candidateId: string, criterionId: string) => `commentaire__${candidateId}__${criterionId}`;

/** What the form sent, as typed (kept to show it back). */
export interface ObservationFormValues {
	candidateIds: string[];
	criterionIds: string[];
	observedOn: string;
	place: string;
	situation: string;
	tutorName: string;
	tutorRole: string;
	/** By resultField / commentField name. */
	results: Record<string, string>;
	comments: Record<string, string>;
}

export type ObservationFormErrors = Record<string, string>;

export interface ObservationResultDraft {
	criterionId: string;
	score: number;
	comment: string | null;
}

export interface ObservationDraft {
	observedOn: IsoDay;
	place: string;
	situation: ObservationSituation;
	tutorName: string | null;
	tutorRole: string | null;
	candidates: Array<{ candidateId: string; results: ObservationResultDraft[] }>;
}

export interface FormContext {
	memberIds: ReadonlySet<string>;
	/** The criteria of the group's certification. */
	criterionIds: ReadonlySet<string>;
	today: IsoDay;
}

/** Reads the form's fields (the candidates and criteria chosen, then one result and comment per pair). */
export function readObservationForm(form: FormData): ObservationFormValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
	};
	const list = (name: string) => [...new Set(form.getAll(name).filter((v): v is string => typeof v === 'string'))];
	const values: ObservationFormValues = {
		candidateIds: list('candidat'),
		criterionIds: list('critere'),
		observedOn: text('date'),
		place: text('lieu'),
		situation: text('situation'),
		tutorName: text('tuteurNom'),
		tutorRole: text('tuteurFonction'),
		results: {},
		comments: {}
	};
	for (const candidateId of values.candidateIds) {
		for (const criterionId of values.criterionIds) {
			values.results[resultField(candidateId, criterionId)] = text(resultField(candidateId, criterionId));
			values.comments[commentField(candidateId, criterionId)] = text(commentField(candidateId, criterionId));
		}
	}
	return values;
}

/**
 * Checks the form: at least one candidate, all of the group; at least one criterion, all of the
 * group's certification; a real day, not in the future; a place; a situation; a result for
 * every candidate on every chosen criterion; lengths. Returns the draft, or every error at once.
 */
export function checkObservationForm(values: ObservationFormValues, context: FormContext): { ok: true; draft: ObservationDraft } | { ok: false; errors: ObservationFormErrors } {
	const errors: ObservationFormErrors = {};
	if (values.candidateIds.length === 0) errors.candidateIds = 'Choisissez au moins un candidat observé.';
	else if (values.candidateIds.some((id) => !context.memberIds.has(id))) errors.candidateIds = 'Un des candidats choisis n’est pas dans ce groupe : rechargez la page.';
	if (values.criterionIds.length === 0) errors.criterionIds = 'Choisissez au moins un critère observé.';
	else if (values.criterionIds.some((id) => !context.criterionIds.has(id))) errors.criterionIds = 'Choisissez des critères de la certification du groupe.';

	const day = values.observedOn.trim();
	const observedOn = parseIsoDay(day);
	if (!day) errors.observedOn = 'Indiquez la date de l’observation.';
	else if (!observedOn) errors.observedOn = 'Saisissez une date valide (jour, mois, année).';
	else if (observedOn > context.today) errors.observedOn = 'L’observation ne peut pas être datée dans le futur.';

	const place = values.place.trim();
	if (!place) errors.place = 'Indiquez le lieu de l’observation (entreprise, service, centre…).';
	else if (place.length > PLACE_MAX) errors.place = `Le lieu tient en ${PLACE_MAX} caractères au plus.`;
	const situation = SITUATIONS.find((s) => s.value === values.situation)?.value;
	if (!situation) errors.situation = 'Choisissez le type de situation observée.';
	const tutorName = values.tutorName.trim();
	const tutorRole = values.tutorRole.trim();
	if (tutorName.length > TUTOR_MAX) errors.tutorName = `Le nom tient en ${TUTOR_MAX} caractères au plus.`;
	if (tutorRole.length > TUTOR_MAX) errors.tutorRole = `La fonction tient en ${TUTOR_MAX} caractères au plus.`;
	if (tutorRole && !tutorName) errors.tutorName = 'Indiquez le nom du tuteur dont vous donnez la fonction.';
	for (const [field, value] of Object.entries({ place, tutorName, tutorRole })) {
		if (!errors[field] && hasControlCharacters(value)) errors[field] = CONTROL_CHARACTER_MESSAGE;
	}

	const candidates: ObservationDraft['candidates'] = [];
	if (!errors.candidateIds && !errors.criterionIds) {
		for (const candidateId of values.candidateIds) {
			const results: ObservationResultDraft[] = [];
			for (const criterionId of values.criterionIds) {
				const resultName = resultField(candidateId, criterionId);
				const result = RESULTS.find((r) => r.value === values.results[resultName]);
				if (!result) errors[resultName] = 'Choisissez un résultat : acquis, en cours ou non acquis.';
				const commentName = commentField(candidateId, criterionId);
				const comment = (values.comments[commentName] ?? '').trim();
				if (comment.length > COMMENT_MAX) errors[commentName] = `Le commentaire tient en ${COMMENT_MAX} caractères au plus.`;
				else if (hasControlCharacters(comment.replace(/\n/g, ' '))) errors[commentName] = CONTROL_CHARACTER_MESSAGE;
				if (result) results.push({ criterionId, score: result.score, comment: comment || null });
			}
			candidates.push({ candidateId, results });
		}
	}
	if (Object.keys(errors).length > 0 || !observedOn || !situation) return { ok: false, errors };
	return { ok: true, draft: { observedOn, place, situation, tutorName: tutorName || null, tutorRole: tutorRole || null, candidates } };
}

/** « Situation reconstituée » and the others, in words. */
export const situationLabel = (situation: ObservationSituation) => SITUATIONS.find((s) => s.value === situation)?.label ?? situation;
export const resultLabel = (score: number) => (score >= 0.999 ? 'Acquis' : score >= 0.499 ? 'En cours' : 'Non acquis');
