import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isEnrolled } from '$lib/server/enrolment/enrolment-rule';
import { requireModule } from '$lib/server/learning/modules';
import { ANSWER_MAX, myRehearsals, saveRehearsal, tickPoints } from '$lib/server/preparation/rehearsal.service';
import { moduleHref, rehearsalHref, rehearsalsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/** The module and the commission question of the URL (`…/entretien/o2`), or a 404. */
function requireQuestion(params: { certification: string; competence: string; question: string }) {
	const context = requireModule(params.certification, params.competence);
	const question = context.catalog.questions.get(context.competence.id)?.find((candidate) => candidate.id === `${context.competence.id}.${params.question}`);
	if (!question) error(404, 'Question introuvable.');
	return { ...context, question };
}

const NOTICES: Record<string, string> = {
	enregistre: 'Réponse enregistrée. Comparez-la maintenant aux points d’une réponse solide.',
	inchange: 'Votre réponse n’a pas changé : rien de plus n’a été enregistré.',
	points: 'Points couverts enregistrés.'
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const { catalog, certification, competence, question } = requireQuestion(params);
	const db = getDb();
	const [threads, enrolled] = await Promise.all([myRehearsals(db, user.id, [competence.id]), isEnrolled(db, user.id, certification.id)]);
	const versions = threads.get(question.id)?.versions ?? [];
	const questions = catalog.questions.get(competence.id) ?? [];
	const index = questions.indexOf(question);
	const serialise = (version: (typeof versions)[number]) => ({
		id: version.id,
		body: version.body,
		createdAt: version.createdAt.toISOString(),
		covered: version.coveredPoints,
		comments: version.comments.map((comment) => ({ id: comment.id, author: comment.authorName, body: comment.body, createdAt: comment.createdAt.toISOString() }))
	});
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		competence: { number: competence.number, title: competence.title },
		moduleHref: moduleHref(competence.id),
		listHref: rehearsalsHref(competence.id),
		nextHref: questions[index + 1] ? rehearsalHref(questions[index + 1]!.id) : null,
		number: index + 1,
		total: questions.length,
		question: question.question,
		points: question.points,
		enrolled,
		answerMax: ANSWER_MAX,
		current: versions[0] ? serialise(versions[0]) : null,
		history: versions.slice(1).map(serialise),
		notice: NOTICES[url.searchParams.get('info') ?? ''] ?? null,
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { certification, competence, question } = requireQuestion(params);
		const form = await request.formData();
		const body = String(form.get('body') ?? '');
		const outcome = await saveRehearsal(getDb(), {
			userId: user.id,
			certificationId: certification.id,
			competenceId: competence.id,
			question,
			body,
			idempotencyKey: String(form.get('idempotency_key') ?? ''),
			now: new Date()
		});
		if (outcome.kind === 'invalid') return fail(400, { bodyError: outcome.message, body: body.slice(0, ANSWER_MAX * 2) });
		if (outcome.kind === 'not-enrolled') return fail(400, { bodyError: 'Inscrivez-vous à cette certification depuis votre espace pour enregistrer vos réponses.', body: body.slice(0, ANSWER_MAX * 2) });
		redirect(303, `${rehearsalHref(question.id)}?info=${outcome.kind === 'unchanged' ? 'inchange' : 'enregistre'}#points`);
	},
	tick: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { question } = requireQuestion(params);
		const form = await request.formData();
		// The boxes carry the points' positions; the server keeps the texts they stand for.
		const points = form.getAll('point').flatMap((value) => (/^\d+$/.test(String(value)) ? [question.points[Number(value)]] : [])).filter((point) => point !== undefined);
		const outcome = await tickPoints(getDb(), { userId: user.id, question, answerId: String(form.get('answer') ?? ''), points });
		if (outcome === 'not-found') error(404, 'Réponse introuvable.');
		if (outcome === 'outdated') return fail(409, { tickError: 'Votre réponse a changé depuis (peut-être dans un autre onglet) : cochez les points de la version actuelle.' });
		redirect(303, `${rehearsalHref(question.id)}?info=points#points`);
	}
};
