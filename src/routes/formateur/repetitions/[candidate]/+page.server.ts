import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { findUserById } from '$lib/server/auth/users.repository';
import { commentRehearsal, COMMENT_MAX, rehearsalsForTrainer } from '$lib/server/preparation/rehearsal.service';
import { trainerCandidateRehearsalsHref, trainerRehearsalsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const db = getDb();
	// A candidate outside the trainer's groups is answered exactly like one who does not exist.
	const threads = await rehearsalsForTrainer(db, user.id, params.candidate);
	if (!threads) error(404, 'Candidat introuvable dans vos groupes.');
	const candidate = await findUserById(db, params.candidate);
	const catalog = getCatalog();
	const competences = [...catalog.questions].flatMap(([competenceId, questions]) => {
		const competence = catalog.competences.get(competenceId);
		const answered = questions.filter((question) => threads.has(question.id));
		if (!competence || answered.length === 0) return [];
		const certification = catalog.certifications.find((c) => c.id === competence.certificationId);
		return [
			{
				id: competence.id,
				title: `${certification?.title ?? ''} — ${competence.number}. ${competence.title}`,
				questions: answered.map((question) => {
					const [current, ...history] = threads.get(question.id)!.versions;
					const view = (version: NonNullable<typeof current>) => ({
						id: version.id,
						body: version.body,
						createdAt: version.createdAt.toISOString(),
						covered: version.coveredPoints,
						comments: version.comments.map((comment) => ({ id: comment.id, author: comment.authorName, body: comment.body, createdAt: comment.createdAt.toISOString() }))
					});
					// One key per form: two comments sent from the same page are two comments.
					return { text: question.question, points: question.points, current: view(current!), history: history.map(view), commentKey: randomUUID() };
				})
			}
		];
	});
	return { candidateName: candidate?.displayName ?? 'Candidat', listHref: trainerRehearsalsHref, competences, commentMax: COMMENT_MAX };
};

export const actions: Actions = {
	comment: async ({ locals, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const answerId = String(form.get('answer') ?? '');
		const body = String(form.get('body') ?? '');
		const outcome = await commentRehearsal(getDb(), { trainerId: user.id, answerId, body, idempotencyKey: String(form.get('idempotency_key') ?? ''), now: new Date() });
		if (outcome.kind === 'forbidden') error(404, 'Réponse introuvable dans vos groupes.');
		if (outcome.kind === 'invalid') return fail(400, { answerId, commentError: outcome.message, body: body.slice(0, COMMENT_MAX * 2) });
		redirect(303, `${trainerCandidateRehearsalsHref(outcome.candidateId)}?commente=1#reponse-${answerId}`);
	}
};
