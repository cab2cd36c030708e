import type { CompetenceView, CriterionCell, ProgressPage, UnitView } from '$lib/server/mastery/progress-view';

// What the map renders of each criterion: a compact cell (its status and two levels, named by
// its short label). The full cell (text, reasons, estimate, evidence, next step) is the
// competence page's; leaving it out here keeps the map's load data, serialised on every
// request, about a third of its size.
export type MapCellData = Pick<CriterionCell, 'id' | 'status' | 'training' | 'demonstrated'>;
export type MapCompetence = Omit<CompetenceView, 'criteria'> & { criteria: MapCellData[] };
export type MapUnit = Omit<UnitView, 'competences'> & { competences: MapCompetence[] };
export type MapProgress = Omit<ProgressPage, 'units'> & { units: MapUnit[] };

export function mapData(progress: ProgressPage): MapProgress {
	return {
		...progress,
		units: progress.units.map((unit) => ({
			...unit,
			competences: unit.competences.map((competence) => ({
				...competence,
				criteria: competence.criteria.map(({ id, status, training, demonstrated }) => ({ id, status, training, demonstrated }))
			}))
		}))
	};
}
