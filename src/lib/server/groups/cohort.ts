/**
 * The cohort view, pure: candidates × criteria of one group, from the stored summaries, with
 * the same status and levels as each candidate's own map (masteryOf's rules through statusOf
 * and levelsOf), then sorted, filtered and paged. No database, no framework.
 */
import type { Certification } from '../content/types';
import { levelsOf, statusOf, type CriterionSummary, type MasteryStatus } from '../mastery/model';
import { verdictOf, type Verdict } from '../mastery/readiness';

/** One candidate on one criterion: the status and the level reached. */
export interface CohortCell {
	status: MasteryStatus;
	training: boolean;
	demonstrated: boolean;
}

/** A group of criteria (a competence or a unit) for one candidate. */
export interface CohortTally {
	acquired: number;
	training: number;
	demonstrated: number;
	total: number;
}

export interface CohortMember {
	id: string;
	name: string;
	email: string;
	joinedAt: Date;
	lastActivityAt: Date | null;
	/** « À relancer »: never started, or inactive for the group's number of days. */
	toRemind: boolean;
	overdue: boolean;
}

export interface CohortRow extends CohortMember {
	/** By criterion id, in référentiel order. */
	cells: CohortCell[];
	competences: CohortTally[];
	units: Array<CohortTally & { verdict: Verdict; competencesAcquired: number; competencesTotal: number }>;
	/** Criteria acquired (status « acquis »), at each level, and in all. */
	totals: CohortTally;
}

export type CohortLevel = 'critere' | 'competence' | 'unite';
export type CohortSort = 'nom' | 'preparation' | 'activite' | `critere:${string}`;
/** How far along a candidate is: the share of the certification's criteria acquired. */
export type CohortBand = 'debut' | 'milieu' | 'avance';

export interface CohortQuery {
	level: CohortLevel;
	sort: CohortSort;
	band: CohortBand | null;
	overdue: boolean;
	toRemind: boolean;
	page: number;
}

export const PAGE_SIZE = 50;

export const BANDS: ReadonlyArray<{ value: CohortBand; label: string }> = [
	{ value: 'debut', label: 'Moins d’un tiers des critères acquis' },
	{ value: 'milieu', label: 'Entre un et deux tiers' },
	{ value: 'avance', label: 'Plus des deux tiers' }
];

const LEVELS: readonly CohortLevel[] = ['critere', 'competence', 'unite'];

/** The query from the URL's parameters; anything unknown falls back to the default. */
export function parseCohortQuery(params: URLSearchParams, criterionIds: ReadonlySet<string>): CohortQuery {
	const level = LEVELS.find((l) => l === params.get('niveau')) ?? 'critere';
	const sortParam = params.get('tri') ?? '';
	const sort: CohortSort =
		sortParam === 'nom' || sortParam === 'activite' ? sortParam : sortParam.startsWith('critere:') && criterionIds.has(sortParam.slice(8)) ? (sortParam as CohortSort) : 'preparation';
	const band = BANDS.find((b) => b.value === params.get('avancement'))?.value ?? null;
	const page = Number(params.get('page'));
	return { level, sort, band, overdue: params.get('retard') === '1', toRemind: params.get('relancer') === '1', page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}

/** The URL parameters of a query, defaults left out (for links that change one thing). */
export function cohortSearch(query: CohortQuery, change: Partial<CohortQuery> = {}): string {
	const q = { ...query, ...change };
	const params = new URLSearchParams();
	if (q.level !== 'critere') params.set('niveau', q.level);
	if (q.sort !== 'preparation') params.set('tri', q.sort);
	if (q.band) params.set('avancement', q.band);
	if (q.overdue) params.set('retard', '1');
	if (q.toRemind) params.set('relancer', '1');
	if (q.page > 1) params.set('page', String(q.page));
	const text = params.toString();
	return text ? `?${text}` : '';
}

export function cellOf(summary: CriterionSummary | null, now: Date): CohortCell {
	const levels = levelsOf(summary, now);
	return { status: statusOf(summary, now), training: levels.training, demonstrated: levels.demonstrated };
}

const tally = (cells: CohortCell[]): CohortTally => ({
	acquired: cells.filter((c) => c.status === 'acquis').length,
	training: cells.filter((c) => c.training).length,
	demonstrated: cells.filter((c) => c.demonstrated).length,
	total: cells.length
});

/** One candidate's row: a cell per criterion, a tally per competence and per unit. */
export function cohortRow(certification: Certification, member: CohortMember, summaries: ReadonlyMap<string, CriterionSummary>, now: Date): CohortRow {
	const cells: CohortCell[] = [];
	const competences: CohortTally[] = [];
	const units: CohortRow['units'] = [];
	for (const unit of certification.units) {
		const unitCells: CohortCell[] = [];
		let competencesAcquired = 0;
		for (const competence of unit.competences) {
			const own = competence.criteria.map((criterion) => cellOf(summaries.get(criterion.id) ?? null, now));
			const t = tally(own);
			if (t.total > 0 && t.acquired === t.total) competencesAcquired++;
			competences.push(t);
			cells.push(...own);
			unitCells.push(...own);
		}
		units.push({ ...tally(unitCells), verdict: verdictOf(competencesAcquired, unit.competences.length), competencesAcquired, competencesTotal: unit.competences.length });
	}
	return { ...member, cells, competences, units, totals: tally(cells) };
}

/** Orders statuses for a criterion sort: démontré first, then acquis, à consolider, en cours, non évalué. */
export function cellRank(cell: CohortCell): number {
	if (cell.demonstrated) return 5;
	if (cell.status === 'acquis') return cell.training ? 4.5 : 4;
	return { 'à consolider': 3, 'en cours': 2, 'non évalué': 1, acquis: 4 }[cell.status];
}

export function bandOf(row: Pick<CohortRow, 'totals'>): CohortBand {
	const share = row.totals.total ? row.totals.acquired / row.totals.total : 0;
	return share < 1 / 3 ? 'debut' : share < 2 / 3 ? 'milieu' : 'avance';
}

const byName = (a: CohortRow, b: CohortRow) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * Sorts and filters the rows, then cuts the page. Readiness: units validated, then criteria
 * acquired, then démontrés, most advanced first; last activity: most recent first, never
 * active last; a criterion: its status, best first. Ties by name, so paging is stable.
 */
export function selectCohortPage(rows: CohortRow[], query: CohortQuery, criterionIndex: ReadonlyMap<string, number>) {
	const filtered = rows.filter((row) => (!query.band || bandOf(row) === query.band) && (!query.overdue || row.overdue) && (!query.toRemind || row.toRemind));
	const validated = (row: CohortRow) => row.units.filter((u) => u.verdict === 'validé').length;
	let compare: (a: CohortRow, b: CohortRow) => number;
	if (query.sort === 'nom') compare = byName;
	else if (query.sort === 'activite') compare = (a, b) => (b.lastActivityAt?.getTime() ?? -1) - (a.lastActivityAt?.getTime() ?? -1) || byName(a, b);
	else if (query.sort.startsWith('critere:')) {
		const index = criterionIndex.get(query.sort.slice(8)) ?? 0;
		compare = (a, b) => cellRank(b.cells[index]!) - cellRank(a.cells[index]!) || byName(a, b);
	} else compare = (a, b) => validated(b) - validated(a) || b.totals.acquired - a.totals.acquired || b.totals.demonstrated - a.totals.demonstrated || byName(a, b);
	const sorted = [...filtered].sort(compare);
	const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return { rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), shown: sorted.length, total: rows.length, page, pageCount };
}

/** Per criterion, how many candidates of the group reach each level (the header row). */
export function criterionCounts(rows: CohortRow[], criterionCount: number): Array<{ training: number; demonstrated: number }> {
	const counts = Array.from({ length: criterionCount }, () => ({ training: 0, demonstrated: 0 }));
	for (const row of rows) {
		row.cells.forEach((cell, i) => {
			if (cell.training) counts[i]!.training++;
			if (cell.demonstrated) counts[i]!.demonstrated++;
		});
	}
	return counts;
}
