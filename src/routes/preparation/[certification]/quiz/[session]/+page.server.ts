import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { attemptDraw } from '$lib/server/learning/attempt-draw';
import { QUIZ_ITEM_SCOPE } from '$lib/server/learning/draw-scopes';
import { parseResponse } from '$lib/server/learning/grading';
import { answerFeedback, quizItemView } from '$lib/server/learning/views';
import { findPreparationSession, submitPreparationAnswer } from '$lib/server/preparation/preparation.service';
import { preparationHref, preparationQuizHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	'deja-repondu': 'Cette question avait déjà reçu une réponse (peut-être dans un autre onglet) : voici la correction enregistrée.',
	termine: 'Ce quiz est terminé : votre dernière réponse n’a pas été enregistrée.'
};

function requirePreparation(certificationId: string) {
	const preparation = getCatalog().preparations.find((p) => p.certificationId === certificationId);
	if (!preparation) error(404, 'Ce module de préparation n’existe pas.');
	return preparation;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const preparation = requirePreparation(params.certification);
	const certification = getCatalog().certifications.find((c) => c.id === preparation.certificationId)!;
	const session = await findPreparationSession(getDb(), user.id, params.session);
	if (!session || session.certificationId !== preparation.certificationId) error(404, 'Quiz introuvable.');

	const items = session.itemIds.map((id) => preparation.quiz.find((item) => item.id === id)).filter((item) => item !== undefined);
	const position = items.findIndex((item) => !session.answers.has(item.id));
	const draw = attemptDraw(session.drawSeed);
	const tokenOf = (itemId: string) => draw.token(QUIZ_ITEM_SCOPE, itemId);
	const corrected = url.searchParams.get('corrige');
	const correctedItem = corrected ? items.find((item) => tokenOf(item.id) === corrected) : undefined;
	const correctedAnswer = correctedItem ? session.answers.get(correctedItem.id) : undefined;
	const current = position === -1 ? null : items[position];
	return {
		certification: { id: certification.id, title: certification.title },
		preparationHref: preparationHref(certification.id),
		total: items.length,
		answered: items.filter((item) => session.answers.has(item.id)).length,
		notice: NOTICES[url.searchParams.get('info') ?? ''] ?? null,
		feedback: correctedItem && correctedAnswer ? answerFeedback(correctedItem, correctedAnswer.response, correctedAnswer.score, new Map()) : null,
		// A fresh key per rendering: resubmitting this very form is recognised, a new answer is not.
		question: current ? { ...quizItemView(current, draw), number: position + 1, idempotencyKey: randomUUID() } : null,
		results: position === -1 ? items.map((item) => ({ token: tokenOf(item.id), score: session.answers.get(item.id)?.score ?? 0 })) : null
	};
};

export const actions: Actions = {
	answer: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const preparation = requirePreparation(params.certification);
		const session = await findPreparationSession(getDb(), user.id, params.session);
		if (!session) error(404, 'Quiz introuvable.');
		const form = await request.formData();
		const itemToken = String(form.get('item') ?? '');
		const idempotencyKey = String(form.get('idempotency_key') ?? '');
		const draw = attemptDraw(session.drawSeed);
		const itemId = draw.resolve(QUIZ_ITEM_SCOPE, session.itemIds, itemToken);
		const item = itemId ? preparation.quiz.find((candidate) => candidate.id === itemId) : undefined;
		if (!item || !isUuid(idempotencyKey)) error(400, 'Formulaire incomplet : rechargez la page.');

		const parsed = parseResponse(item, form, draw);
		if (!parsed.ok) {
			const values = Object.fromEntries([...form.keys()].map((key) => [key, form.getAll(key).map((value) => String(value).slice(0, 200))]));
			return fail(400, { itemToken, message: parsed.message, values });
		}
		const outcome = await submitPreparationAnswer(getDb(), { userId: user.id, sessionId: session.id, itemId: item.id, idempotencyKey, response: parsed.response, preparation, now: new Date() });
		const here = preparationQuizHref(preparation.certificationId, session.id);
		switch (outcome.kind) {
			case 'not-found':
				error(404, 'Quiz introuvable.');
			case 'not-enrolled':
				error(403, 'Inscrivez-vous à cette certification pour répondre à ce quiz.');
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
