import { parsePathway, type Pathway } from '../enrolment/pathway';
import { parseIsoDay, type IsoDay } from './days';
import type { GroupFields } from './groups.repository';

/** The group form, read and checked: French messages per field, what was typed kept by the caller. */
export type GroupFormValues = Record<'name' | 'certification' | 'kind' | 'startsOn' | 'endsOn' | 'evaluationOn', string>;
export type GroupFormResult = { ok: true; fields: GroupFields } | { ok: false; errors: Partial<Record<keyof GroupFormValues, string>> };

export const NAME_MAX = 120;

function optionalDay(value: string): IsoDay | null | undefined {
	if (!value.trim()) return null;
	return parseIsoDay(value) ?? undefined;
}

export function readGroupForm(values: GroupFormValues, certificationIds: readonly string[]): GroupFormResult {
	const errors: Partial<Record<keyof GroupFormValues, string>> = {};
	const name = values.name.trim().replace(/\s+/g, ' ');
	if (!name) errors.name = 'Donnez un nom au groupe (par exemple « TCI — session de mars »).';
	else if (name.length > NAME_MAX) errors.name = `Le nom tient en ${NAME_MAX} caractères au plus.`;
	if (!certificationIds.includes(values.certification)) errors.certification = 'Choisissez la certification que le groupe prépare.';
	const kind: Pathway | null = parsePathway(values.kind);
	if (!kind) errors.kind = 'Choisissez le type de groupe : formation ou VAE.';
	const startsOn = optionalDay(values.startsOn);
	const endsOn = optionalDay(values.endsOn);
	const evaluationOn = optionalDay(values.evaluationOn);
	const badDay = 'Saisissez une date valide (jour, mois, année).';
	if (startsOn === undefined) errors.startsOn = badDay;
	if (endsOn === undefined) errors.endsOn = badDay;
	if (evaluationOn === undefined) errors.evaluationOn = badDay;
	if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = 'La fin de la formation ne peut précéder son début.';
	if (Object.keys(errors).length > 0 || !kind || startsOn === undefined || endsOn === undefined || evaluationOn === undefined) return { ok: false, errors };
	return { ok: true, fields: { name, certificationId: values.certification, kind, startsOn, endsOn, evaluationOn } };
}
