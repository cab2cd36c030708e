import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseVersion } from '$lib/server/portfolio/versioned-text';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { blockCommentError } from '$lib/server/vae/feasibility';
import { saveBlockComment } from '$lib/server/vae/feasibility.service';
import type { RequestHandler } from './$types';

/** The autosave of a block comment (AutosaveTextarea): 200 { version }, 409 { theirs }, 400 { message }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { user, certification } = await requireVaeApplicant(locals, params.certification);
	const input = (await request.json().catch(() => null)) as { unitId?: unknown; version?: unknown; body?: unknown } | null;
	const baseVersion = parseVersion(input?.version);
	if (!input || typeof input.unitId !== 'string' || typeof input.body !== 'string' || baseVersion === null) return json({ message: 'Requête incomplète : le texte n’a pas été enregistré.' }, { status: 400 });
	const body = input.body.replace(/\r\n/g, '\n');
	const problem = blockCommentError(body);
	if (problem) return json({ message: problem }, { status: 400 });
	const decision = await saveBlockComment(getDb(), certification, { userId: user.id, unitId: input.unitId, baseVersion, body, at: new Date() });
	if (!decision) return json({ message: 'Ce bloc n’existe pas dans cette certification.' }, { status: 400 });
	if (decision.kind === 'conflict') return json({ theirs: decision.theirs }, { status: 409 });
	return json({ version: decision.version });
};
