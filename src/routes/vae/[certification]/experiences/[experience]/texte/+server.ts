import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { EXPERIENCE_LIMITS } from '$lib/server/portfolio/experience';
import { EXPERIENCE_TEXT_FIELDS, saveExperienceText, type ExperienceTextField } from '$lib/server/portfolio/portfolio.service';
import { parseVersion } from '$lib/server/portfolio/versioned-text';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import type { RequestHandler } from './$types';

/** The autosave of an experience's activities or results (AutosaveTextarea): 200 { version }, 409 { theirs }, 400 { message }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { user, catalog } = await requireVaeApplicant(locals, params.certification);
	if (!isUuid(params.experience)) error(404, 'Expérience introuvable.');
	const input = (await request.json().catch(() => null)) as { field?: unknown; version?: unknown; base?: unknown; body?: unknown } | null;
	const baseVersion = parseVersion(input?.version);
	const field = EXPERIENCE_TEXT_FIELDS.find((f) => f === input?.field) as ExperienceTextField | undefined;
	if (!input || !field || typeof input.body !== 'string' || baseVersion === null) return json({ message: 'Requête incomplète : le texte n’a pas été enregistré.' }, { status: 400 });
	const body = input.body.replace(/\r\n/g, '\n').trim();
	const max = EXPERIENCE_LIMITS[field];
	if (body.length > max) return json({ message: `${max} caractères au plus : ${body.length} saisis. Raccourcissez le texte ; il reste gardé ici.` }, { status: 400 });
	if (body.length === 0) return json({ message: 'Ce champ ne peut pas rester vide : il n’a pas été enregistré.' }, { status: 400 });
	const baseBody = typeof input.base === 'string' ? input.base.replace(/\r\n/g, '\n').trim() : undefined;
	const decision = await saveExperienceText(getDb(), catalog, { userId: user.id, experienceId: params.experience, field, baseVersion, baseBody, body, at: new Date() });
	if (!decision) error(404, 'Expérience introuvable.');
	if (decision.kind === 'conflict') return json({ theirs: decision.theirs }, { status: 409 });
	return json({ version: decision.version });
};
