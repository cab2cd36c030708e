/**
 * The cohort page's data, in words: the référentiel's columns at the chosen level, one page of
 * candidates with compact cells, the header counts. Pure (built from loadCohort's rows).
 */
import type { Certification } from '../content/types';
import { cohortSearch, criterionCounts, selectCohortPage, type CohortQuery, type CohortRow } from './cohort';

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });

export interface CohortColumn {
	key: string;
	/** Short code shown on screen (« 1.2 »), and the words. */
	code: string;
	label: string;
	/** Link that sorts by this criterion (criterion level only). */
	sortHref: string | null;
	sorted: boolean;
	counts: { training: number; demonstrated: number } | null;
}

export interface CohortHeaderGroup {
	label: string;
	span: number;
}

/** A cell in a page: a status class, the symbols, the words. */
export interface CohortViewCell {
	tone: 'non' | 'enc' | 'con' | 'acq';
	symbol: string;
	text: string;
}

const SYMBOLS = { 'non évalué': '○', 'en cours': '◔', 'à consolider': '◑', acquis: '●' } as const;
const TONES = { 'non évalué': 'non', 'en cours': 'enc', 'à consolider': 'con', acquis: 'acq' } as const;

const tallyCell = (t: { acquired: number; training: number; demonstrated: number; total: number }, what: string): CohortViewCell => ({
	tone: t.total && t.acquired === t.total ? 'acq' : t.acquired * 2 >= t.total && t.total ? 'con' : t.acquired || t.training ? 'enc' : 'non',
	symbol: `${t.acquired}/${t.total}`,
	text: `${what} : ${t.acquired} critère${t.acquired > 1 ? 's' : ''} acquis sur ${t.total}, ${t.training} à l’entraînement, ${t.demonstrated} démontré${t.demonstrated > 1 ? 's' : ''}`
});

export function buildCohortView(certification: Certification, rows: CohortRow[], query: CohortQuery) {
	const criteria = certification.units.flatMap((unit) => unit.competences.flatMap((competence) => competence.criteria.map((criterion, i) => ({ criterion, competence, code: `${competence.number}.${i + 1}` }))));
	const criterionIndex = new Map(criteria.map(({ criterion }, i) => [criterion.id, i]));
	const selected = selectCohortPage(rows, query, criterionIndex);
	const counts = criterionCounts(rows, criteria.length);
	const unitLabel = (unit: Certification['units'][number]) => (unit.code ? `${unit.code} — ${unit.title}` : unit.title);

	let groups: CohortHeaderGroup[] = [];
	let columns: CohortColumn[];
	let cellsOf: (row: CohortRow) => CohortViewCell[];
	if (query.level === 'critere') {
		groups = certification.units.flatMap((unit) => unit.competences.map((c) => ({ label: `${c.number}. ${c.title}`, span: c.criteria.length })));
		columns = criteria.map(({ criterion, code }, i) => ({
			key: criterion.id,
			code,
			label: criterion.label,
			sortHref: cohortSearch(query, { sort: `critere:${criterion.id}`, page: 1 }) || '?',
			sorted: query.sort === `critere:${criterion.id}`,
			counts: counts[i]!
		}));
		cellsOf = (row) =>
			row.cells.map((cell) => ({
				tone: TONES[cell.status],
				symbol: `${SYMBOLS[cell.status]}${cell.demonstrated ? '★' : cell.training ? '✔' : ''}`,
				text: `${cell.status}${cell.demonstrated ? ', démontré en situation réelle' : cell.training ? ', acquis à l’entraînement' : ''}`
			}));
	} else if (query.level === 'competence') {
		groups = certification.units.map((unit) => ({ label: unitLabel(unit), span: unit.competences.length }));
		const competences = certification.units.flatMap((unit) => unit.competences);
		columns = competences.map((c) => ({ key: c.id, code: c.number, label: c.title, sortHref: null, sorted: false, counts: null }));
		cellsOf = (row) => row.competences.map((t, i) => tallyCell(t, `Compétence ${competences[i]!.number}`));
	} else {
		columns = certification.units.map((unit) => ({ key: unit.id, code: unit.code, label: unit.title, sortHref: null, sorted: false, counts: null }));
		cellsOf = (row) =>
			row.units.map((u, i) => ({ ...tallyCell(u, unitLabel(certification.units[i]!)), symbol: `${u.verdict === 'validé' ? '●' : u.verdict === 'partiellement' ? '◑' : '○'} ${u.competencesAcquired}/${u.competencesTotal}`, text: `${u.verdict === 'validé' ? 'validé' : u.verdict === 'partiellement' ? 'partiellement' : 'non validé'} : ${u.competencesAcquired} compétence${u.competencesAcquired > 1 ? 's' : ''} acquise${u.competencesAcquired > 1 ? 's' : ''} sur ${u.competencesTotal}` }));
	}
	return {
		groups,
		columns,
		rows: selected.rows.map((row) => ({
			id: row.id,
			name: row.name,
			lastActivity: row.lastActivityAt ? DATE.format(row.lastActivityAt) : null,
			toRemind: row.toRemind,
			overdue: row.overdue,
			readiness: `${row.totals.training}/${row.totals.total} ✔ · ${row.totals.demonstrated} ★`,
			readinessText: `${row.totals.acquired} critères acquis sur ${row.totals.total}, ${row.totals.training} à l’entraînement, ${row.totals.demonstrated} démontrés en situation réelle`,
			cells: cellsOf(row)
		})),
		shown: selected.shown,
		total: selected.total,
		page: selected.page,
		pageCount: selected.pageCount,
		previousHref: selected.page > 1 ? cohortSearch(query, { page: selected.page - 1 }) || '?' : null,
		nextHref: selected.page < selected.pageCount ? cohortSearch(query, { page: selected.page + 1 }) : null,
		filtered: query.band !== null || query.overdue || query.toRemind
	};
}

/**
 * The printable group report: per candidate the estimate per unit, and the criteria most often
 * not acquired across the group, each with the module (its competence's) that works on it.
 */
export function buildGroupReport(certification: Certification, rows: CohortRow[], moduleIds: ReadonlySet<string>, limit = 12) {
	const criteria = certification.units.flatMap((unit) => unit.competences.flatMap((competence) => competence.criteria.map((criterion) => ({ criterion, competence }))));
	const missing = criteria
		.map(({ criterion, competence }, i) => ({
			id: criterion.id,
			label: criterion.label,
			competence: `${competence.number}. ${competence.title}`,
			competenceId: moduleIds.has(competence.id) ? competence.id : null,
			missing: rows.filter((row) => row.cells[i]!.status !== 'acquis').length
		}))
		.filter((entry) => entry.missing > 0)
		.sort((a, b) => b.missing - a.missing || a.id.localeCompare(b.id, 'fr', { numeric: true }))
		.slice(0, limit);
	const verdictWords = { validé: 'validé', partiellement: 'partiellement', non: 'non validé' } as const;
	return {
		units: certification.units.map((unit) => ({ id: unit.id, label: unit.code || unit.title, title: unit.title })),
		candidates: [...rows]
			.sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }))
			.map((row) => ({
				id: row.id,
				name: row.name,
				totals: `${row.totals.training}/${row.totals.total} à l’entraînement, ${row.totals.demonstrated} démontrés`,
				units: row.units.map((u) => `${verdictWords[u.verdict]} (${u.competencesAcquired}/${u.competencesTotal})`)
			})),
		missing
	};
}
