/**
 * The words and links of readiness, for pages: the domain (readiness.ts) says which unit is
 * validated and which activity would move a criterion; this says it in French and links to it.
 */
import { moduleHref } from '../../paths';
import type { Competence, Module } from '../content/types';
import type { RecommendedActivity, Verdict } from './readiness';

/** A recommended activity as a page shows it. */
export interface NextActivity extends RecommendedActivity {
	/** « Mise en situation : … » or « Quiz : … ». */
	label: string;
	/** The module page, with #quiz or #scenario-<id>. */
	href: string;
}

/** « validé », « partiellement : 2 sur 5 compétences », « non validé ». */
export function verdictLabel(verdict: Verdict, acquired: number, total: number): string {
	if (verdict === 'validé') return 'validé';
	if (verdict === 'partiellement') return `partiellement : ${acquired} sur ${total} compétence${total > 1 ? 's' : ''}`;
	return 'non validé';
}

/**
 * Gives each recommended activity its words and link. One view object per activity, shared by
 * every criterion that names it, so a page serialises it once.
 */
export function activityViews(catalog: { competences: ReadonlyMap<string, Pick<Competence, 'title'>>; modules: Module[] }): (activity: RecommendedActivity | null) => NextActivity | null {
	const views = new Map<RecommendedActivity, NextActivity>();
	const scenarioTitles = new Map(catalog.modules.flatMap((module) => module.scenarios.map((scenario) => [scenario.id, scenario.title] as const)));
	return (activity) => {
		if (!activity) return null;
		let view = views.get(activity);
		if (!view) {
			const base = moduleHref(activity.competenceId);
			view =
				activity.kind === 'quiz'
					? { ...activity, label: `Quiz : ${catalog.competences.get(activity.competenceId)?.title ?? 'module'}`, href: `${base}#quiz` }
					: { ...activity, label: `Mise en situation : ${scenarioTitles.get(activity.scenarioId ?? '') ?? 'cas pratique'}`, href: `${base}#scenario-${activity.scenarioId}` };
			views.set(activity, view);
		}
		return view;
	};
}
