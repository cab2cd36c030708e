import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { enrol, findEnrolment } from '$lib/server/learning/enrolment.repository';
import { requireModule } from '$lib/server/learning/modules';
import { listOpenQuizSessions, startQuizSession, type QuizMode } from '$lib/server/learning/quiz.service';
import { listScenarioRuns, startScenarioRun } from '$lib/server/learning/scenario.service';
import { md } from '$lib/server/learning/views';
import { masteryOf } from '$lib/server/mastery/model';
import { findSummaries } from '$lib/server/mastery/summary.repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { certification, competence, module } = requireModule(params.certification, params.competence);
	const db = getDb();
	const now = new Date();
	const [enrolment, summaries, openQuizzes, runs] = await Promise.all([
		findEnrolment(db, user.id, certification.id),
		findSummaries(db, user.id, competence.criteria.map((c) => c.id)),
		listOpenQuizSessions(db, user.id, [competence.id]),
		listScenarioRuns(db, user.id, module.scenarios.map((s) => s.id))
	]);
	return {
		certification: { id: certification.id, title: certification.title },
		competence: { id: competence.id, number: competence.number, title: competence.title, conditions: competence.conditions },
		enrolled: enrolment !== null,
		lesson: module.lesson,
		criteria: competence.criteria.map((criterion) => {
			const mastery = masteryOf(summaries.get(criterion.id) ?? null, now);
			return {
				id: criterion.id,
				text: criterion.text,
				aspect: criterion.aspect,
				kind: criterion.kind,
				official: criterion.official,
				status: mastery.status,
				estimate: mastery.estimate,
				reasons: mastery.reasons,
				quizItems: module.quiz.filter((item) => item.criteria.includes(criterion.id)).length
			};
		}),
		quiz: {
			items: module.quiz.length,
			open: openQuizzes.map((session) => ({ id: session.id, mode: session.mode }))
		},
		scenarios: module.scenarios.map((scenario) => {
			const mine = runs.filter((run) => run.scenarioId === scenario.id);
			return {
				id: scenario.id,
				title: scenario.title,
				summaryHtml: md(scenario.summary),
				openRun: mine.find((run) => run.status === 'open')?.id ?? null,
				finishedRuns: mine.filter((run) => run.status === 'finished').length,
				lastFinishedRun: mine.find((run) => run.status === 'finished')?.id ?? null
			};
		})
	};
};

const NOT_ENROLLED = 'Inscrivez-vous d’abord à cette certification (ci-dessous) pour que vos réponses comptent dans votre progression.';

export const actions: Actions = {
	enrol: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { certification } = requireModule(params.certification, params.competence);
		const pathway = String((await request.formData()).get('pathway') ?? '');
		if (pathway !== 'formation' && pathway !== 'vae') return fail(400, { enrolError: 'Choisissez votre parcours : formation ou VAE.' });
		await enrol(getDb(), user.id, certification.id, pathway);
		return { enrolled: true };
	},
	startQuiz: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { certification, module } = requireModule(params.certification, params.competence);
		const mode: QuizMode = String((await request.formData()).get('mode')) === 'full' ? 'full' : 'adaptive';
		if (!(await findEnrolment(getDb(), user.id, certification.id))) return fail(400, { startError: NOT_ENROLLED });
		if (module.quiz.length === 0) return fail(400, { startError: 'Ce module n’a pas encore de quiz.' });
		const sessionId = await startQuizSession(getDb(), { userId: user.id, module, mode, now: new Date() });
		redirect(303, `/modules/${params.certification}/${params.competence}/quiz/${sessionId}`);
	},
	startScenario: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { certification, module } = requireModule(params.certification, params.competence);
		const scenarioId = String((await request.formData()).get('scenario') ?? '');
		const scenario = module.scenarios.find((s) => s.id === scenarioId);
		if (!scenario) return fail(400, { startError: 'Ce cas pratique n’existe pas dans ce module.' });
		if (!(await findEnrolment(getDb(), user.id, certification.id))) return fail(400, { startError: NOT_ENROLLED });
		const runId = await startScenarioRun(getDb(), { userId: user.id, module, scenario });
		redirect(303, `/modules/${params.certification}/${params.competence}/scenario/${runId}`);
	}
};
