import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { countUsersByRole } from '$lib/server/auth/users.repository';
import { getCatalog } from '$lib/server/content/catalog';
import { guessabilityReport } from '$lib/server/content/guessability';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ['admin']);
	const catalog = getCatalog();
	// Content health, read from the catalog: what `npm run content:check` measures, per
	// certification and per module (coverage of the criteria, and how guessable the keys are).
	const guessability = guessabilityReport(catalog.modules);
	const quizCriteria = new Set(catalog.modules.flatMap((m) => m.quiz.flatMap((item) => item.criteria)));
	const scenarioCriteria = new Set(
		catalog.modules.flatMap((m) => m.scenarios.flatMap((s) => Object.values(s.nodes).flatMap((node) => ('choices' in node ? node.choices.flatMap((c) => Object.keys(c.effects)) : []))))
	);
	const coverageOf = (ids: string[]) => ({ total: ids.length, quiz: ids.filter((id) => quizCriteria.has(id)).length, scenario: ids.filter((id) => scenarioCriteria.has(id)).length });
	const ratio = (value: number, count: number) => (count > 0 ? Math.round(value * 100) : null);
	const figures = (g: (typeof guessability.modules)[string] | undefined) =>
		g ? { longest: ratio(g.singleLongest, g.singleItems), shortest: ratio(g.singleShortest, g.singleItems), multiple: ratio(g.multipleLonger, g.multiplePairs), scenario: ratio(g.scenarioLongest, g.scenarioNodes) } : null;
	return {
		counts: await countUsersByRole(getDb()),
		health: catalog.certifications.map((certification) => ({
			id: certification.id,
			title: certification.title,
			coverage: coverageOf(certification.units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((criterion) => criterion.id)))),
			guessability: figures(guessability.certifications[certification.id]),
			modules: certification.units.flatMap((u) => u.competences).filter((c) => catalog.modules.some((m) => m.competenceId === c.id)).map((competence) => ({
				id: competence.id,
				name: `${competence.number}. ${competence.title}`,
				coverage: coverageOf(competence.criteria.map((criterion) => criterion.id)),
				guessability: figures(guessability.modules[competence.id])
			}))
		}))
	};
};
