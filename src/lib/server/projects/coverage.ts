/**
 * What the projects report covers, competence by competence: a criterion is « validé » when a
 * trainer validated one of its links, « proposé » when it is linked but not yet validated, and
 * « non couvert » otherwise. Pure, over the certification and the links.
 */
import type { Certification } from '../content/types';

export type CriterionCoverage = 'validé' | 'proposé' | 'non couvert';

export interface CoverageLink {
	criterionId: string;
	status: 'à revoir' | 'validée' | 'à compléter';
}

export interface CompetenceCoverage {
	competenceId: string;
	number: string;
	title: string;
	total: number;
	validated: number;
	proposed: number;
	/** The criteria no project shows yet, in référentiel order. */
	uncovered: { id: string; text: string }[];
	criteria: { id: string; text: string; coverage: CriterionCoverage }[];
}

export interface UnitCoverage {
	unitId: string;
	code: string;
	title: string;
	competences: CompetenceCoverage[];
}

export function coverageOf(certification: Certification, links: readonly CoverageLink[]): UnitCoverage[] {
	const state = new Map<string, CriterionCoverage>();
	for (const link of links) {
		if (link.status === 'validée') state.set(link.criterionId, 'validé');
		else if (state.get(link.criterionId) !== 'validé') state.set(link.criterionId, 'proposé');
	}
	return certification.units.map((unit) => ({
		unitId: unit.id,
		code: unit.code,
		title: unit.title,
		competences: unit.competences.map((competence) => {
			const criteria = competence.criteria.map((criterion) => ({ id: criterion.id, text: criterion.text, coverage: state.get(criterion.id) ?? ('non couvert' as const) }));
			return {
				competenceId: competence.id,
				number: competence.number,
				title: competence.title,
				total: criteria.length,
				validated: criteria.filter((c) => c.coverage === 'validé').length,
				proposed: criteria.filter((c) => c.coverage === 'proposé').length,
				uncovered: criteria.filter((c) => c.coverage === 'non couvert').map(({ id, text }) => ({ id, text })),
				criteria
			};
		})
	}));
}

/** The whole report's tally. */
export function coverageTotals(units: readonly UnitCoverage[]): { total: number; validated: number; proposed: number } {
	const competences = units.flatMap((u) => u.competences);
	return {
		total: competences.reduce((n, c) => n + c.total, 0),
		validated: competences.reduce((n, c) => n + c.validated, 0),
		proposed: competences.reduce((n, c) => n + c.proposed, 0)
	};
}
