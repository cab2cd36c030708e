import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { requireModule } from '$lib/server/learning/modules';
import { myRehearsals } from '$lib/server/preparation/rehearsal.service';
import { moduleHref, rehearsalHref } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { catalog, certification, competence } = requireModule(params.certification, params.competence);
	const questions = catalog.questions.get(competence.id) ?? [];
	const threads = await myRehearsals(getDb(), user.id, [competence.id]);
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		competence: { number: competence.number, title: competence.title },
		moduleHref: moduleHref(competence.id),
		questions: questions.map((question, index) => {
			const latest = threads.get(question.id)?.versions[0];
			return {
				number: index + 1,
				href: rehearsalHref(question.id),
				question: question.question,
				answeredAt: latest?.createdAt.toISOString() ?? null,
				covered: latest?.coveredPoints?.length ?? null,
				points: question.points.length,
				comments: threads.get(question.id)?.versions.reduce((sum, version) => sum + version.comments.length, 0) ?? 0
			};
		})
	};
};
