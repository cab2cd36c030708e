import { fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { findSummaries } from '$lib/server/evidence/summary.repository';
import { masteryOf } from '$lib/server/mastery/model';
import { requireCompetence, requireVaeApplicant } from '$lib/server/vae/applicant';
import { parsePositioningForm } from '$lib/server/vae/positioning';
import { findPositioningHistory } from '$lib/server/vae/positioning.repository';
import { savePositioning } from '$lib/server/vae/positioning.service';
import { vaePositioningHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
	const competence = requireCompetence(catalog, certification.id, params.competence);
	const ids = competence.criteria.map((c) => c.id);
	const [history, summaries] = await Promise.all([findPositioningHistory(getDb(), user.id, ids), findSummaries(getDb(), user.id, ids)]);
	const now = new Date();
	const competences = certification.units.flatMap((u) => u.competences);
	const index = competences.findIndex((c) => c.id === competence.id);
	const neighbour = (c: (typeof competences)[number] | undefined) => (c ? { href: vaePositioningHref(c.id), label: `${c.number}. ${c.title}` } : null);
	return {
		certification: { id: certification.id, title: certification.title },
		competence: { id: competence.id, number: competence.number, title: competence.title },
		criteria: competence.criteria.map((criterion) => {
			const own = history.filter((h) => h.criterionId === criterion.id);
			return {
				id: criterion.id,
				text: criterion.text,
				official: criterion.official,
				current: own[0] ? { answer: own[0].answer, example: own[0].example } : null,
				// Shown beside the statement, never mixed with it.
				mastery: (({ status, levels }) => ({ status, demonstrated: levels.demonstrated }))(masteryOf(summaries.get(criterion.id) ?? null, now)),
				history: own.map((h) => ({ answer: h.answer, example: h.example, at: h.at.toISOString() }))
			};
		}),
		previous: neighbour(competences[index - 1]),
		next: neighbour(competences[index + 1])
	};
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { user, catalog, certification } = await requireVaeApplicant(locals, params.certification);
		const competence = requireCompetence(catalog, certification.id, params.competence);
		const parsed = parsePositioningForm(await readFormData(request), competence.criteria.map((c) => c.id));
		if (Object.keys(parsed.errors).length) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await savePositioning(getDb(), catalog, { userId: user.id, certificationId: certification.id, entries: parsed.entries, at: new Date() });
		if (!result.ok) return fail(400, { errors: { form: 'Ce positionnement n’a pas pu être enregistré : rechargez la page.' } as Record<string, string>, values: parsed.values });
		redirect(303, `${vaePositioningHref(competence.id)}?enregistre=${result.saved}`);
	}
};
