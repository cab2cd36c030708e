import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseVersion } from '$lib/server/portfolio/versioned-text';
import { PROJECT_LIMITS } from '$lib/server/projects/project';
import { PROJECT_AUTOSAVED_FIELDS, saveProjectText, type ProjectAutosavedField } from '$lib/server/projects/projects.service';
import { requireOwnProject } from '$lib/server/projects/trainee';
import type { RequestHandler } from './$types';

/** The autosave of a project's context, « what I did » or result (AutosaveTextarea): 200 { version }, 409 { theirs }, 400 { message }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { user, catalog, projectId } = await requireOwnProject(locals, params);
	const input = (await request.json().catch(() => null)) as { field?: unknown; version?: unknown; base?: unknown; body?: unknown } | null;
	const baseVersion = parseVersion(input?.version);
	const field = PROJECT_AUTOSAVED_FIELDS.find((f) => f === input?.field) as ProjectAutosavedField | undefined;
	if (!input || !field || typeof input.body !== 'string' || baseVersion === null) return json({ message: 'Requête incomplète : le texte n’a pas été enregistré.' }, { status: 400 });
	const body = input.body.replace(/\r\n/g, '\n').trim();
	const max = PROJECT_LIMITS[field];
	if (body.length > max) return json({ message: `${max} caractères au plus : ${body.length} saisis. Raccourcissez le texte ; il reste gardé ici.` }, { status: 400 });
	if (body.length === 0) return json({ message: 'Ce champ ne peut pas rester vide : il n’a pas été enregistré.' }, { status: 400 });
	const baseBody = typeof input.base === 'string' ? input.base.replace(/\r\n/g, '\n').trim() : undefined;
	const decision = await saveProjectText(getDb(), catalog, { userId: user.id, projectId, field, baseVersion, baseBody, body, at: new Date() });
	if (!decision) error(404, 'Projet introuvable.');
	if (decision.kind === 'conflict') return json({ theirs: decision.theirs }, { status: 409 });
	return json({ version: decision.version });
};
