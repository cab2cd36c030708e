import { fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { parseVersion } from '$lib/server/portfolio/versioned-text';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { BLOCK_COMMENT_MAX, blockCommentError, parseState, STATE_LABELS } from '$lib/server/vae/feasibility';
import { loadFeasibility, saveBlockComment, saveStates } from '$lib/server/vae/feasibility.service';
import { vaeFeasibilityHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	const { blocks } = await loadFeasibility(getDb(), catalog, user.id, certification, new Date());
	return {
		certification: { id: certification.id, title: certification.title },
		userKey: user.id.slice(0, 8),
		max: BLOCK_COMMENT_MAX,
		labels: STATE_LABELS,
		blocks
	};
};

export const actions: Actions = {
	etats: async ({ locals, params, request }) => {
		const { user, certification } = await requireVaeApplicant(locals, params.certification);
		const form = await readFormData(request);
		const states = certification.units.flatMap((u) => u.competences).flatMap((c) => {
			const state = parseState(form.get(`etat-${c.id}`));
			return state ? [{ competenceId: c.id, state }] : [];
		});
		await saveStates(getDb(), certification, user.id, states, new Date());
		redirect(303, `${vaeFeasibilityHref(certification.id)}?etats=1#etats`);
	},
	commentaire: async ({ locals, params, request }) => {
		const { user, certification } = await requireVaeApplicant(locals, params.certification);
		const form = await readFormData(request);
		const unitId = String(form.get('unit') ?? '');
		const body = String(form.get('body') ?? '').replace(/\r\n/g, '\n');
		const baseVersion = parseVersion(form.get('version')) ?? 0;
		const problem = blockCommentError(body);
		if (problem) return fail(400, { unitId, body, error: problem, conflict: null });
		const decision = await saveBlockComment(getDb(), certification, { userId: user.id, unitId, baseVersion, body, at: new Date() });
		if (!decision) return fail(400, { unitId, body, error: 'Ce bloc n’existe pas dans cette certification.', conflict: null });
		if (decision.kind === 'conflict') {
			return fail(409, { unitId, body, error: null, conflict: { theirs: decision.theirs.body, version: decision.theirs.version } });
		}
		redirect(303, `${vaeFeasibilityHref(certification.id)}?commentaire=${encodeURIComponent(unitId)}#bloc-${unitId}`);
	}
};
