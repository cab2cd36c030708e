import { moduleHref, progressHref } from '$lib/paths';
import type { Catalog } from '$lib/server/content/types';
import { getDb } from '$lib/server/db';
import type { Enrolment } from '$lib/server/enrolment/enrolment.repository';
import { loadProgressPage } from '$lib/server/mastery/progress.service';
import { basisClause, unitKindLabels, validatedTally } from './progression/[certification]/format';
import { nextStepOf } from './next-step';

/**
 * One certification on the candidate's space: the next step, the readiness estimate in one
 * line with what it rests on, a compact bar per unit and each module's standing (both levels).
 * Null when the certification left the catalog.
 */
export async function spaceOf(catalog: Catalog, userId: string, enrolment: Enrolment, now: Date) {
	const certification = catalog.certifications.find((c) => c.id === enrolment.certificationId);
	if (!certification) return null;
	const map = await loadProgressPage(getDb(), catalog, userId, certification, now);
	if (!map) return null;
	const competences = map.units.flatMap((unit) => unit.competences);
	const withModule = competences.filter((competence) => competence.moduleHref !== null);
	const last = enrolment.lastCompetenceId ? competences.find((c) => c.id === enrolment.lastCompetenceId) : undefined;
	const first = withModule[0];
	const anyActivity = map.basis.quizAnswers + map.basis.scenarioDecisions > 0 || last !== undefined;
	const blocs = map.units.every((unit) => unit.kind === 'bloc');
	const estimate = map.readyForEvaluation
		? 'tous les critères sont démontrés en situation réelle'
		: map.ready
			? 'tous les critères sont acquis, il reste à les démontrer en situation réelle'
			: `pas encore prêt·e (${map.units.length === 1 ? (map.units[0]?.verdictLabel ?? '') : validatedTally(map.unitsValidated, map.unitsTotal, blocs)})`;
	return {
		certificationId: certification.id,
		title: certification.title,
		type: certification.type,
		pathway: enrolment.pathway,
		lastActivityAt: enrolment.lastActivityAt?.toISOString() ?? null,
		next: nextStepOf({
			resume: last ? { title: `${last.number}. ${last.title}`, href: moduleHref(last.id), acquired: last.acquired } : null,
			firstModule: first ? { number: first.number, title: first.title, href: first.moduleHref! } : null,
			advised: map.next ? { label: map.next.label, href: map.next.href } : null,
			mapHref: progressHref(certification.id),
			anyActivity
		}),
		estimate: `Estimation de préparation : ${estimate}, ${basisClause(map.basis)}.`,
		levels: map.levels,
		units: map.units.map((unit) => ({
			id: unit.id,
			name: unit.code ? `${unitKindLabels[unit.kind]} ${unit.code}` : unit.title,
			training: unit.criteriaTraining,
			demonstrated: unit.criteriaDemonstrated,
			total: unit.criteriaTotal,
			verdict: unit.verdictLabel
		})),
		modules: withModule.map((competence) => ({
			id: competence.id,
			number: competence.number,
			title: competence.title,
			href: competence.moduleHref!,
			total: competence.criteriaTotal,
			training: competence.criteria.filter((c) => c.training).length,
			demonstrated: competence.criteria.filter((c) => c.demonstrated).length
		}))
	};
}
