import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { findEnrolment } from '$lib/server/enrolment/enrolment.repository';
import { companyOpinionHref, preparationQuizHref, progressHref, projectsHref } from '$lib/paths';
import { needsCompanyOpinion } from '$lib/server/company-opinion/invitation';
import { preparationStandings, startPreparationQuiz } from '$lib/server/preparation/preparation.service';
import type { Actions, PageServerLoad } from './$types';

function requirePreparation(certificationId: string) {
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === certificationId);
	const preparation = catalog.preparations.find((p) => p.certificationId === certificationId);
	if (!certification || !preparation) error(404, 'Ce module de préparation n’existe pas.');
	return { catalog, certification, preparation };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification, preparation } = requirePreparation(params.certification);
	const db = getDb();
	const [enrolment, standings] = await Promise.all([findEnrolment(db, user.id, certification.id), preparationStandings(db, catalog, user.id, [certification.id])]);
	const standing = standings.get(certification.id)!;
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		lesson: preparation.lesson,
		items: preparation.quiz.length,
		enrolled: enrolment !== null,
		progressHref: progressHref(certification.id),
		// Part 2: the projects report (candidates in training) and the company's opinion (CQPM in training).
		projectsHref: enrolment?.pathway === 'formation' ? projectsHref(certification.id) : null,
		companyOpinionHref: needsCompanyOpinion(certification.type, enrolment?.pathway) ? companyOpinionHref(certification.id) : null,
		standing: { ...standing, lastAnsweredAt: standing.lastAnsweredAt?.toISOString() ?? null },
		resumeHref: standing.openSessionId ? preparationQuizHref(certification.id, standing.openSessionId) : null
	};
};

export const actions: Actions = {
	start: async ({ locals, params }) => {
		const user = requireUser(locals);
		const { preparation } = requirePreparation(params.certification);
		const started = await startPreparationQuiz(getDb(), { userId: user.id, preparation });
		if (started.kind === 'not-enrolled') return fail(400, { startError: 'Inscrivez-vous d’abord à cette certification depuis votre espace pour répondre à ce quiz.' });
		if (started.kind === 'empty') return fail(400, { startError: 'Ce module n’a pas encore de quiz.' });
		redirect(303, preparationQuizHref(preparation.certificationId, started.sessionId));
	}
};
