import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { parseResponse } from '$lib/server/learning/grading';
import { moduleHref, progressHref, quizHref } from '$lib/paths';
import { requireModule } from '$lib/server/learning/modules';
import { findQuizSession, submitQuizAnswer } from '$lib/server/learning/quiz.service';
import { attemptDraw } from '$lib/server/learning/attempt-draw';
import { QUIZ_ITEM_SCOPE } from '$lib/server/learning/draw-scopes';
import { answerFeedback, quizItemView } from '$lib/server/learning/views';
import { readRetry, saveRetry } from './retry';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	'deja-repondu': 'Cette question avait déjà reçu une réponse (peut-être dans un autre onglet) : voici la correction enregistrée.',
	termine: 'Ce quiz est terminé : votre dernière réponse n’a pas été enregistrée.'
};

export const load: PageServerLoad = async ({ cookies, locals, params, url }) => {
	const user = requireUser(locals);
	const { catalog, competence, module } = requireModule(params.certification, params.competence);
	const session = await findQuizSession(getDb(), user.id, params.session);
	if (!session || session.competenceId !== competence.id) error(404, 'Quiz introuvable.');

	const items = session.itemIds.map((id) => module.quiz.find((item) => item.id === id)).filter((item) => item !== undefined);
	const position = items.findIndex((item) => !session.answers.has(item.id));
	const draw = attemptDraw(session.drawSeed);
	const tokenOf = (itemId: string) => draw.token(QUIZ_ITEM_SCOPE, itemId);
	const corrected = url.searchParams.get('corrige');
	const correctedItem = corrected ? items.find((item) => tokenOf(item.id) === corrected) : undefined;
	const correctedAnswer = correctedItem ? session.answers.get(correctedItem.id) : undefined;
	const current = position === -1 ? null : items[position];
	const labelOf = (id: string) => catalog.criteria.get(id)?.label ?? 'critère du référentiel';
	const missed = items.filter((item) => (session.answers.get(item.id)?.score ?? 0) < 0.999).map((item) => tokenOf(item.id));
	// Reviewing the missed questions one after the other, from the quiz summary.
	const reviewing = url.searchParams.has('revoir') && corrected !== null && missed.includes(corrected);
	const nextMissed = reviewing ? (missed[missed.indexOf(corrected!) + 1] ?? null) : null;
	const retry = readRetry(cookies, url);

	return {
		competence: { id: competence.id, number: competence.number, title: competence.title },
		moduleHref: moduleHref(competence.id),
		progressHref: progressHref(module.certificationId),
		mode: session.mode,
		total: items.length,
		answered: items.filter((item) => session.answers.has(item.id)).length,
		notice: NOTICES[url.searchParams.get('info') ?? ''] ?? null,
		feedback: correctedItem && correctedAnswer ? answerFeedback(correctedItem, correctedAnswer.response, correctedAnswer.score, catalog.criteria) : null,
		// Learners read criteria by their short label, never by id.
		feedbackCriteria: correctedItem ? correctedItem.criteria.map(labelOf) : [],
		reviewing,
		nextMissed,
		firstMissed: position === -1 ? (missed[0] ?? null) : null,
		// A validation error kept across the redirect (post-redirect-get), for this question only.
		retry: retry && current && retry.itemToken === tokenOf(current.id) ? { message: retry.message, values: retry.values } : null,
		// A fresh key per rendering: resubmitting this very form is recognised, a new answer is not.
		question: current ? { ...quizItemView(current, draw), number: position + 1, idempotencyKey: randomUUID() } : null,
		results:
			position === -1
				? items.map((item) => ({
						token: tokenOf(item.id),
						score: session.answers.get(item.id)?.score ?? 0,
						criteria: item.criteria.map(labelOf)
					}))
				: null
	};
};

export const actions: Actions = {
	answer: async ({ cookies, locals, params, request, url }) => {
		const user = requireUser(locals);
		const { catalog, module } = requireModule(params.certification, params.competence);
		const session = await findQuizSession(getDb(), user.id, params.session);
		if (!session) error(404, 'Quiz introuvable.');
		const form = await request.formData();
		const itemToken = String(form.get('item') ?? '');
		const idempotencyKey = String(form.get('idempotency_key') ?? '');
		// The page knows the item by its token in this session: map it back to the content.
		const draw = attemptDraw(session.drawSeed);
		const itemId = draw.resolve(QUIZ_ITEM_SCOPE, session.itemIds, itemToken);
		const item = itemId ? module.quiz.find((candidate) => candidate.id === itemId) : undefined;
		if (!item || !isUuid(idempotencyKey)) error(400, 'Formulaire incomplet : rechargez la page.');

		const parsed = parseResponse(item, form, draw);
		if (!parsed.ok) {
			// Keep what was typed or ticked (shortened if huge) so the candidate only fixes what is missing.
			const values = Object.fromEntries([...form.keys()].map((key) => [key, form.getAll(key).map((value) => String(value).slice(0, 200))]));
			// Post-redirect-get: the error and the answer so far ride a short-lived cookie, so that
			// reloading the page shows them again instead of asking to re-send the form.
			saveRetry(cookies, url, { itemToken, message: parsed.message, values });
			redirect(303, quizHref(module.competenceId, session.id));
		}
		const outcome = await submitQuizAnswer(getDb(), {
			userId: user.id,
			sessionId: session.id,
			itemId: item.id,
			idempotencyKey,
			response: parsed.response,
			module,
			catalog,
			now: new Date()
		});
		const here = quizHref(module.competenceId, session.id);
		switch (outcome.kind) {
			case 'not-found':
				error(404, 'Quiz introuvable.');
			case 'not-enrolled':
				error(403, 'Inscrivez-vous à cette certification pour répondre à ses quiz.');
			case 'key-reused':
				error(400, 'Ce formulaire a déjà servi pour une autre question : rechargez la page.');
			case 'not-in-session':
				error(400, 'Cette question ne fait pas partie de ce quiz.');
			case 'finished':
				redirect(303, `${here}?info=termine`);
			case 'already-answered':
				redirect(303, `${here}?corrige=${itemToken}&info=deja-repondu`);
			default:
				redirect(303, `${here}?corrige=${itemToken}`);
		}
	}
};
