import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { quizHref, scenarioRunHref } from '$lib/paths';
import { enrol, findEnrolment } from '$lib/server/enrolment/enrolment.repository';
import { parsePathway } from '$lib/server/enrolment/pathway';
import { findSummaries } from '$lib/server/evidence/summary.repository';
import { requireModule } from '$lib/server/learning/modules';
import { parseQuizMode } from '$lib/server/learning/quiz-mode';
import { listOpenQuizSessions, startQuizSession } from '$lib/server/learning/quiz.service';
import { listScenarioRuns, startScenarioRun } from '$lib/server/learning/scenario.service';
import { md } from '$lib/server/learning/views';
import { masteryOf } from '$lib/server/mastery/model';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification, competence, module } = requireModule(params.certification, params.competence);
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
		competence: { id: competence.id, number: competence.number, title: competence.title },
		quizHrefBase: quizHref(competence.id, ''),
		runHrefBase: scenarioRunHref(competence.id, ''),
		enrolled: enrolment !== null,
		lesson: module.lesson && {
			...module.lesson,
			sections: module.lesson.sections.map((section) => ({
				title: section.title,
				// The criterion a section teaches, by its short label: learners never see ids.
				criterion: section.criterionId ? (catalog.criteria.get(section.criterionId)?.label ?? null) : null,
				html: scrollableTablesOnce(section)
			}))
		},
		criteria: competence.criteria.map((criterion) => {
			const mastery = masteryOf(summaries.get(criterion.id) ?? null, now);
			return {
				id: criterion.id,
				text: criterion.text,
				aspect: criterion.aspect,
				kind: criterion.kind,
				official: criterion.official,
				status: mastery.status,
				reasons: mastery.reasons
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

// A lesson section's HTML with its tables wrapped, computed once per section of the catalog
// (the catalog lives as long as the process), not on every request.
const wrapped = new WeakMap<object, string>();
function scrollableTablesOnce(section: { html: string }): string {
	let html = wrapped.get(section);
	if (html === undefined) wrapped.set(section, (html = scrollableTables(section.html)));
	return html;
}

/**
 * A lesson's tables scroll inside a labelled, focusable region, so a phone never scrolls the
 * whole page sideways. The HTML was sanitised at load; only fixed markup is added around tables.
 */
function scrollableTables(html: string): string {
	return html
		.replaceAll('<table>', '<div class="table-scroll" role="region" aria-label="Tableau de la leçon (faire défiler)" tabindex="0"><table>')
		.replaceAll('</table>', '</table></div>');
}

const NOT_ENROLLED = 'Inscrivez-vous d’abord à cette certification (ci-dessous) pour que vos réponses comptent dans votre progression.';

export const actions: Actions = {
	enrol: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { certification } = requireModule(params.certification, params.competence);
		const pathway = parsePathway((await request.formData()).get('pathway'));
		if (!pathway) return fail(400, { enrolError: 'Choisissez votre parcours : formation ou VAE.' });
		await enrol(getDb(), user.id, certification.id, pathway);
		return { enrolled: true };
	},
	startQuiz: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { module } = requireModule(params.certification, params.competence);
		const mode = parseQuizMode((await request.formData()).get('mode'));
		const started = await startQuizSession(getDb(), { userId: user.id, module, mode, now: new Date() });
		if (started.kind === 'not-enrolled') return fail(400, { startError: NOT_ENROLLED });
		if (started.kind === 'empty') return fail(400, { startError: 'Ce module n’a pas encore de quiz.' });
		redirect(303, quizHref(module.competenceId, started.sessionId));
	},
	startScenario: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { module } = requireModule(params.certification, params.competence);
		const scenarioId = String((await request.formData()).get('scenario') ?? '');
		const scenario = module.scenarios.find((s) => s.id === scenarioId);
		if (!scenario) return fail(400, { startError: 'Ce cas pratique n’existe pas dans ce module.' });
		const started = await startScenarioRun(getDb(), { userId: user.id, module, scenario });
		if (started.kind === 'not-enrolled') return fail(400, { startError: NOT_ENROLLED });
		redirect(303, scenarioRunHref(module.competenceId, started.runId));
	}
};
