/**
 * One candidate drilled down for a trainer, pure: their map read-only, per criterion the
 * evidence behind it in words (source, date, score, what produced it, who recorded it).
 */
import type { Catalog } from '../content/types';
import type { ProgressPage } from '../mastery/progress-view';
import type { EvidenceLine } from './candidate-evidence.repository';

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const SOURCES: Record<string, string> = { quiz: 'Quiz', scenario: 'Mise en situation', portfolio: 'Preuve d’expérience validée', observation: 'Observation' };
const SITUATIONS: Record<string, string> = { réelle: 'situation réelle', reconstituée: 'situation reconstituée', entretien: 'entretien avec apport de preuves' };

/** What produced a piece of evidence, in words: the quiz question, the scenario, the observation. */
export function itemWords(catalog: Pick<Catalog, 'modules'>, line: Pick<EvidenceLine, 'source' | 'itemRef' | 'situation'>, observationPlaces: ReadonlyMap<string, string>): string {
	if (line.source === 'observation') {
		const place = line.itemRef.startsWith('observation:') ? observationPlaces.get(line.itemRef.slice(12)) : undefined;
		const situation = line.situation ? SITUATIONS[line.situation] : null;
		return [place ? `observation à ${place}` : 'observation', situation].filter(Boolean).join(', ');
	}
	if (line.source === 'scenario') {
		const scenarioId = line.itemRef.split('#')[0];
		for (const module of catalog.modules) {
			const scenario = module.scenarios.find((s) => s.id === scenarioId);
			if (scenario) return `« ${scenario.title} »`;
		}
		return 'mise en situation retirée du contenu';
	}
	if (line.source === 'quiz') {
		for (const module of catalog.modules) {
			const item = module.quiz.find((q) => q.id === line.itemRef);
			if (item) {
				const text = item.prompt.replace(/[*_`#>[\]]/g, '').replace(/\s+/g, ' ').trim();
				return `« ${text.length > 110 ? `${text.slice(0, 107)}…` : text} »`;
			}
		}
		return 'question retirée du contenu';
	}
	return 'preuve tirée de l’expérience';
}

export function candidateDrilldown(catalog: Pick<Catalog, 'modules' | 'criteria'>, progress: ProgressPage, lines: EvidenceLine[], observationPlaces: ReadonlyMap<string, string>) {
	const byCriterion = new Map<string, EvidenceLine[]>();
	for (const line of lines) byCriterion.set(line.criterionId, [...(byCriterion.get(line.criterionId) ?? []), line]);
	return {
		levels: progress.levels,
		unitsValidated: progress.unitsValidated,
		unitsTotal: progress.unitsTotal,
		units: progress.units.map((unit) => ({
			id: unit.id,
			title: unit.code ? `${unit.code} — ${unit.title}` : unit.title,
			verdict: unit.verdictLabel,
			tally: `${unit.criteriaTraining}/${unit.criteriaTotal} acquis à l’entraînement, ${unit.criteriaDemonstrated} démontré${unit.criteriaDemonstrated > 1 ? 's' : ''} en situation réelle`,
			competences: unit.competences.map((competence) => ({
				id: competence.id,
				title: `${competence.number}. ${competence.title}`,
				tally: competence.acquired ? 'acquise' : `${competence.criteriaAcquired} acquis sur ${competence.criteriaTotal}`,
				criteria: competence.criteria.map((criterion) => ({
					id: criterion.id,
					label: catalog.criteria.get(criterion.id)?.label ?? criterion.text,
					text: criterion.text,
					status: criterion.status,
					training: criterion.training,
					demonstrated: criterion.demonstrated,
					estimate: criterion.estimate,
					reasons: criterion.reasons,
					evidence: (byCriterion.get(criterion.id) ?? []).map((line) => ({
						id: line.id,
						source: SOURCES[line.source] ?? line.source,
						at: DATE.format(line.at),
						score: line.kind === 'withdrawal' ? 'retirée' : line.score === null ? '' : `${Math.round(line.score * 100)} %`,
						item: itemWords(catalog, line, observationPlaces),
						recordedBy: line.recorderName ?? (line.source === 'observation' || line.source === 'portfolio' ? 'compte supprimé' : 'le candidat'),
						superseded: line.superseded
					}))
				}))
			}))
		}))
	};
}
