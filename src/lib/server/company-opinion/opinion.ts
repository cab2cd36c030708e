/**
 * The tutor's opinion form: per competence « favorable / réservé / défavorable » and a comment,
 * then the signature (name, role, company, date, and a confirmation). Pure. A draft may leave
 * anything empty but keeps every limit; a signature needs an opinion on every competence, a
 * comment for every « réservé » or « défavorable », and the whole signature.
 */
import { isIsoDate } from '../portfolio/experience';

export type Verdict = 'favorable' | 'réservé' | 'défavorable';
export const VERDICTS: readonly { value: Verdict; label: string }[] = [
	{ value: 'favorable', label: 'Favorable' },
	{ value: 'réservé', label: 'Réservé' },
	{ value: 'défavorable', label: 'Défavorable' }
];

export const OPINION_COMMENT_MAX = 1500;
export const SIGNER_FIELD_MAX = 120;

export interface OpinionEntryInput {
	competenceId: string;
	verdict: Verdict | null;
	comment: string;
}

export interface OpinionInput {
	entries: OpinionEntryInput[];
	signerName: string;
	signerRole: string;
	signerCompany: string;
	signedOn: string | null;
}

export type OpinionValues = { entries: Record<string, { verdict: string; comment: string }>; signerName: string; signerRole: string; signerCompany: string; signedOn: string; confirm: boolean };
export type OpinionErrors = Partial<Record<string, string>>;

export type OpinionParse = { ok: true; value: OpinionInput } | { ok: false; errors: OpinionErrors; values: OpinionValues };

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

/** Field names: `verdict-<competence id>`, `comment-<competence id>` (errors use the same keys). */
export const verdictField = (competenceId: string) => `verdict-${competenceId}`;
export const commentField = (competenceId: string) => `comment-${competenceId}`;

export function parseOpinionForm(form: { get(name: string): unknown }, competenceIds: readonly string[], mode: 'draft' | 'sign', today: string): OpinionParse {
	const values: OpinionValues = {
		entries: {},
		signerName: text(form.get('signerName')),
		signerRole: text(form.get('signerRole')),
		signerCompany: text(form.get('signerCompany')),
		signedOn: text(form.get('signedOn')),
		confirm: form.get('confirm') === 'oui'
	};
	const errors: OpinionErrors = {};
	const entries: OpinionEntryInput[] = [];
	for (const id of competenceIds) {
		const verdictText = text(form.get(verdictField(id)));
		const comment = text(form.get(commentField(id)));
		values.entries[id] = { verdict: verdictText, comment };
		const verdict = VERDICTS.find((v) => v.value === verdictText)?.value ?? null;
		if (verdictText && !verdict) errors[verdictField(id)] = 'Choisissez favorable, réservé ou défavorable.';
		else if (!verdict && mode === 'sign') errors[verdictField(id)] = 'Donnez votre avis sur cette compétence avant de signer.';
		if (comment.length > OPINION_COMMENT_MAX) errors[commentField(id)] = `${OPINION_COMMENT_MAX} caractères au plus : ${comment.length} saisis.`;
		else if (mode === 'sign' && verdict && verdict !== 'favorable' && !comment) errors[commentField(id)] = 'Dites en quelques mots ce qui motive un avis réservé ou défavorable.';
		entries.push({ competenceId: id, verdict, comment });
	}
	const signer: [keyof OpinionValues & ('signerName' | 'signerRole' | 'signerCompany'), string][] = [
		['signerName', 'Indiquez vos nom et prénom.'],
		['signerRole', 'Indiquez votre fonction (tuteur, responsable…).'],
		['signerCompany', 'Indiquez le nom de l’entreprise.']
	];
	for (const [field, required] of signer) {
		const value = values[field];
		if (value.length > SIGNER_FIELD_MAX || value.includes('\n')) errors[field] = `Sur une ligne, ${SIGNER_FIELD_MAX} caractères au plus.`;
		else if (!value && mode === 'sign') errors[field] = required;
	}
	if (values.signedOn && !isIsoDate(values.signedOn)) errors.signedOn = 'Date invalide : utilisez le format jj/mm/aaaa.';
	else if (values.signedOn && values.signedOn > today) errors.signedOn = 'La date de signature ne peut pas être dans le futur.';
	else if (!values.signedOn && mode === 'sign') errors.signedOn = 'Indiquez la date de signature.';
	if (mode === 'sign' && !values.confirm) errors.confirm = 'Cochez cette case pour signer l’avis.';
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return { ok: true, value: { entries, signerName: values.signerName, signerRole: values.signerRole, signerCompany: values.signerCompany, signedOn: values.signedOn || null } };
}
