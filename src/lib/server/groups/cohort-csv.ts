/**
 * The group's CSV, pure: for French spreadsheets (`;` between fields, CRLF between lines; the
 * route adds the UTF-8 byte order mark so accents open right). One row per candidate.
 */
import type { Certification } from '../content/types';
import type { CohortCell, CohortRow } from './cohort';

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

/**
 * One field: quoted when it holds the separator, a quote, a line break or edge spaces (quotes
 * doubled). A field a spreadsheet would run as a formula (=, +, -, @, tab) gets a leading
 * apostrophe: a name typed as « =HYPERLINK(…) » stays text.
 */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	let text = typeof value === 'number' ? String(value).replace('.', ',') : value;
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: Array<string | number | null>) => `${fields.map(csvField).join(CSV_SEPARATOR)}\r\n`;

/** « acquis, démontré en situation réelle », in the words of the map. */
export function cellText(cell: CohortCell): string {
	if (cell.demonstrated) return `${cell.status}, démontré en situation réelle`;
	if (cell.training) return `${cell.status}, acquis à l’entraînement`;
	return cell.status;
}

const percent = (part: number, total: number) => (total ? Math.round((part / total) * 100) : 0);
const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const day = (date: Date | null) => (date ? DAY.format(date) : null);

export function cohortCsvHeader(certification: Certification): string {
	return csvLine([
		'Nom',
		'E-mail',
		'Groupe',
		'Code d’inscription',
		'Inscrit le',
		'Dernière activité',
		'Critères acquis à l’entraînement (%)',
		'Critères démontrés en situation réelle (%)',
		...certification.units.map((unit) => `Estimation ${unit.code || unit.title}`),
		...certification.units.flatMap((unit) => unit.competences.flatMap((competence) => competence.criteria.map((criterion) => criterion.id)))
	]);
}

export function cohortCsvRow(row: CohortRow, group: { name: string; joinCode: string | null }): string {
	return csvLine([
		row.name,
		row.email,
		group.name,
		group.joinCode,
		day(row.joinedAt),
		day(row.lastActivityAt),
		percent(row.totals.training, row.totals.total),
		percent(row.totals.demonstrated, row.totals.total),
		...row.units.map((unit) => (unit.verdict === 'validé' ? 'validé' : unit.verdict === 'partiellement' ? `partiellement (${unit.competencesAcquired}/${unit.competencesTotal})` : 'non validé')),
		...row.cells.map(cellText)
	]);
}

/** « jalon-tci-session-de-demonstration-2026-12-02.csv »: the group and the day, in plain ASCII. */
export function cohortCsvFileName(groupName: string, today: string): string {
	const slug = groupName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `jalon-${slug || 'groupe'}-${today}.csv`;
}
