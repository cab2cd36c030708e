import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '../../../src/lib/server/content/catalog';
import { withTransaction } from '../../../src/lib/server/db/transaction';
import { appendEvidence, type EvidenceEntry } from '../../../src/lib/server/evidence/ledger';
import { insertAssignment } from '../../../src/lib/server/groups/assignments.repository';
import { cohortSearch, parseCohortQuery, PAGE_SIZE, selectCohortPage, type CohortQuery } from '../../../src/lib/server/groups/cohort';
import { CSV_SEPARATOR, cohortCsvFileName, cohortCsvHeader, cohortCsvRow } from '../../../src/lib/server/groups/cohort-csv';
import { loadCohort } from '../../../src/lib/server/groups/cohort.service';
import { buildCohortView } from '../../../src/lib/server/groups/cohort-view';
import { addDays, todayInFrance } from '../../../src/lib/server/groups/days';
import { addMember, findGroup, type Group } from '../../../src/lib/server/groups/groups.repository';
import { createGroup } from '../../../src/lib/server/groups/groups.service';
import { criterionIdsOf, loadProgressPage } from '../../../src/lib/server/mastery/progress.service';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { seededRandom } from '../mastery/support';

const catalog = getCatalog();
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const criteria = criterionIdsOf(tci);
const now = new Date();
const DAY = 86_400_000;
const defaults: CohortQuery = { level: 'critere', sort: 'preparation', band: null, overdue: false, toRemind: false, page: 1 };
const index = new Map(criteria.map((id, i) => [id, i]));

/** Counts the queries an executor sends: the cohort must read in a fixed number whatever the group's size. */
class QueryCounter implements KyselyPlugin {
	count = 0;
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		this.count++;
		return args.node;
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}

/** Tiny CSV reader for the test (quoted fields, doubled quotes, `;`): what a spreadsheet reads back. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === CSV_SEPARATOR) row.push(field), (field = '');
		else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
		else field += ch;
	}
	return rows;
}

describeEachEngine('cohort view', (engine) => {
	let database: TestDatabase;
	let group: Group;
	let candidates: string[];
	beforeAll(async () => {
		database = await createTestDatabase(engine);
		const db = database.db;
		const trainer = await insertTestUser(db, 'trainer');
		group = (await findGroup(db, await createGroup(db, trainer, { name: 'Cohorte; "test" — été', certificationId: 'tci', kind: 'formation', startsOn: null, endsOn: null, evaluationOn: null })))!;
		candidates = [];
		const random = seededRandom(17);
		// Six candidates with a random mix of quiz, scenario and observation evidence; the first works a lot and well.
		for (let c = 0; c < 6; c++) {
			const id = await insertTestUser(db, { enrolIn: ['tci'] });
			await addMember(db, group.id, id, new Date(now.getTime() - 30 * DAY));
			candidates.push(id);
			const entries: EvidenceEntry[] = [];
			for (const criterionId of criteria) {
				const n = c === 0 ? 6 : Math.floor(random() * 4);
				for (let k = 0; k < n; k++) entries.push({ criterionId, source: k % 3 === 2 ? 'scenario' : 'quiz', score: c === 0 || random() < 0.6 ? 1 : 0, itemRef: `i${k}`, contentVersion: 'v' });
				if (c === 0 || random() < 0.1) entries.push({ criterionId, source: 'observation', score: 1, itemRef: 'obs', contentVersion: 'v', recordedBy: trainer, situation: random() < 0.7 ? 'réelle' : 'reconstituée' });
			}
			if (entries.length) await withTransaction(db, (tx) => appendEvidence(tx, catalog, id, entries, new Date(now.getTime() - (c + 1) * DAY)));
		}
	});
	afterAll(async () => database?.destroy());

	it('every cell equals the candidate’s own map: status and both levels, criterion by criterion', async () => {
		const cohort = (await loadCohort(database.db, catalog, group, now))!;
		expect(cohort.rows).toHaveLength(candidates.length);
		let acquired = 0;
		for (const row of cohort.rows) {
			const map = (await loadProgressPage(database.db, catalog, row.id, tci, now))!;
			const own = map.units.flatMap((u) => u.competences.flatMap((c) => c.criteria));
			expect(row.cells.map((cell) => [cell.status, cell.training, cell.demonstrated])).toEqual(own.map((cell) => [cell.status, cell.training, cell.demonstrated]));
			expect(row.units.map((u) => u.verdict)).toEqual(map.units.map((u) => u.verdict));
			expect(row.totals.training).toBe(map.levels.training);
			expect(row.totals.demonstrated).toBe(map.levels.demonstrated);
			acquired += row.totals.acquired;
		}
		expect(acquired).toBeGreaterThan(0);
	});

	it('the header counts per criterion add up the candidates at each level', async () => {
		const cohort = (await loadCohort(database.db, catalog, group, now))!;
		const view = buildCohortView(tci, cohort.rows, defaults);
		for (const [i, column] of view.columns.entries()) {
			expect(column.counts).toEqual({ training: cohort.rows.filter((r) => r.cells[i]!.training).length, demonstrated: cohort.rows.filter((r) => r.cells[i]!.demonstrated).length });
		}
		const competenceView = buildCohortView(tci, cohort.rows, { ...defaults, level: 'competence' });
		expect(competenceView.columns).toHaveLength(tci.units.flatMap((u) => u.competences).length);
		expect(buildCohortView(tci, cohort.rows, { ...defaults, level: 'unite' }).rows[0]!.cells).toHaveLength(tci.units.length);
	});

	it('sorts by readiness, by name, by last activity and by one criterion', async () => {
		const cohort = (await loadCohort(database.db, catalog, group, now))!;
		const byReadiness = selectCohortPage(cohort.rows, defaults, index).rows;
		expect(byReadiness[0]!.id).toBe(candidates[0]);
		for (let i = 1; i < byReadiness.length; i++) {
			const [a, b] = [byReadiness[i - 1]!, byReadiness[i]!];
			const validated = (r: typeof a) => r.units.filter((u) => u.verdict === 'validé').length;
			expect(validated(a) > validated(b) || (validated(a) === validated(b) && a.totals.acquired >= b.totals.acquired)).toBe(true);
		}
		const names = selectCohortPage(cohort.rows, { ...defaults, sort: 'nom' }, index).rows.map((r) => r.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
		const activity = selectCohortPage(cohort.rows, { ...defaults, sort: 'activite' }, index).rows.map((r) => r.lastActivityAt?.getTime() ?? -1);
		expect(activity).toEqual([...activity].sort((a, b) => b - a));
		const criterionId = criteria[0]!;
		const byCriterion = selectCohortPage(cohort.rows, { ...defaults, sort: `critere:${criterionId}` }, index).rows;
		expect(byCriterion[0]!.cells[0]!.demonstrated || byCriterion[0]!.cells[0]!.status === 'acquis').toBe(true);
		expect(parseCohortQuery(new URLSearchParams('tri=critere:inconnu&niveau=x&page=-3'), new Set(criteria))).toEqual(defaults);
		expect(parseCohortQuery(new URLSearchParams(cohortSearch(defaults, { sort: `critere:${criterionId}`, level: 'unite', overdue: true, page: 2 }).slice(1)), new Set(criteria))).toEqual({ ...defaults, sort: `critere:${criterionId}`, level: 'unite', overdue: true, page: 2 });
	});

	it('filters by band, overdue work and « à relancer », and pages 50 at a time without overlap', async () => {
		const db = database.db;
		// 50 more members who never did anything: « à relancer », at the start.
		const idle: string[] = [];
		for (let i = 0; i < 50; i++) {
			const id = await insertTestUser(db, { enrolIn: ['tci'] });
			await addMember(db, group.id, id, now);
			idle.push(id);
		}
		await insertAssignment(db, { groupId: group.id, competenceId: tci.units[0]!.competences[0]!.id, dueOn: addDays(todayInFrance(now), -2), instruction: null, candidateIds: [idle[0]!, candidates[1]!] });
		const cohort = (await loadCohort(db, catalog, group, now))!;
		const first = selectCohortPage(cohort.rows, { ...defaults, sort: 'nom' }, index);
		const second = selectCohortPage(cohort.rows, { ...defaults, sort: 'nom', page: 2 }, index);
		expect(first.rows).toHaveLength(PAGE_SIZE);
		expect(second.rows).toHaveLength(candidates.length + idle.length - PAGE_SIZE);
		expect([first.pageCount, first.total, first.shown]).toEqual([2, 56, 56]);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(56);
		// A page past the end shows the last one.
		expect(selectCohortPage(cohort.rows, { ...defaults, page: 9 }, index).page).toBe(2);

		const overdue = selectCohortPage(cohort.rows, { ...defaults, overdue: true }, index);
		expect(overdue.rows.map((r) => r.id).sort()).toEqual([idle[0]!, candidates[1]!].sort());
		const toRemind = selectCohortPage(cohort.rows, { ...defaults, toRemind: true }, index);
		expect(toRemind.rows.map((r) => r.id)).toEqual(expect.arrayContaining(idle));
		expect(toRemind.rows.map((r) => r.id)).not.toContain(candidates[0]);
		const beginners = selectCohortPage(cohort.rows, { ...defaults, band: 'debut' }, index);
		expect(beginners.rows.every((r) => r.totals.acquired / r.totals.total < 1 / 3)).toBe(true);
		expect(beginners.shown).toBeGreaterThanOrEqual(idle.length - 0);
		const advanced = selectCohortPage(cohort.rows, { ...defaults, band: 'avance' }, index);
		expect(advanced.rows.map((r) => r.id)).toContain(candidates[0]);
		expect(buildCohortView(tci, cohort.rows, { ...defaults, band: 'avance' }).filtered).toBe(true);
	});

	it('reads the cohort in the same number of queries for 6 or 56 candidates', async () => {
		const small = (await findGroup(database.db, await createGroup(database.db, await insertTestUser(database.db, 'trainer'), { name: 'Petit', certificationId: 'tci', kind: 'formation', startsOn: null, endsOn: null, evaluationOn: null })))!;
		for (const id of candidates) await addMember(database.db, small.id, id, now);
		// The same shape as the large group (one assignment to chosen candidates): only the size differs.
		await insertAssignment(database.db, { groupId: small.id, competenceId: tci.units[0]!.competences[0]!.id, dueOn: todayInFrance(now), instruction: null, candidateIds: [candidates[0]!] });
		const countFor = async (g: Group) => {
			const counter = new QueryCounter();
			const rows = (await loadCohort(database.db.withPlugin(counter), catalog, g, now))!.rows.length;
			return { rows, queries: counter.count };
		};
		const a = await countFor(small);
		const b = await countFor(group);
		expect(a.rows).toBe(6);
		expect(b.rows).toBe(56);
		expect(b.queries).toBe(a.queries);
		expect(a.queries).toBeLessThanOrEqual(10);
	});

	describe('CSV', () => {
		it('one row per candidate, `;` separated, names with `;`, quotes and accents read back intact, formulas defused', async () => {
			const db = database.db;
			const odd = await db.insertInto('app_user').values({ email: 'zoe@exemple.fr', display_name: 'Zoé "la; Bretonne" Lefèvre', password_hash: 'x', role: 'candidate' }).returning('id').executeTakeFirstOrThrow();
			const formula = await db.insertInto('app_user').values({ email: 'f@exemple.fr', display_name: '=HYPERLINK("x")', password_hash: 'x', role: 'candidate' }).returning('id').executeTakeFirstOrThrow();
			for (const { id } of [odd, formula]) await addMember(db, group.id, id, now);
			const cohort = (await loadCohort(db, catalog, group, now))!;
			const text = cohortCsvHeader(tci) + cohort.rows.map((row) => cohortCsvRow(row, { name: group.name, joinCode: group.joinCode })).join('');
			const rows = parseCsv(text);
			const header = rows[0]!;
			expect(header.slice(0, 3)).toEqual(['Nom', 'E-mail', 'Groupe']);
			expect(header.slice(-criteria.length)).toEqual(criteria);
			expect(header).toHaveLength(8 + tci.units.length + criteria.length);
			expect(rows).toHaveLength(1 + cohort.rows.length);
			for (const row of rows) expect(row).toHaveLength(header.length);
			const zoe = rows.find((r) => r[1] === 'zoe@exemple.fr')!;
			expect(zoe[0]).toBe('Zoé "la; Bretonne" Lefèvre');
			expect(zoe[2]).toBe('Cohorte; "test" — été');
			expect(text).toContain('"Zoé ""la; Bretonne"" Lefèvre"');
			expect(rows.find((r) => r[1] === 'f@exemple.fr')![0]).toBe('\'=HYPERLINK("x")');
			const best = rows.find((r) => r[1] === cohort.rows.find((c) => c.id === candidates[0])!.email)!;
			const bestRow = cohort.rows.find((c) => c.id === candidates[0])!;
			expect(best[6]).toBe(String(Math.round((bestRow.totals.training / bestRow.totals.total) * 100)));
			expect(best.slice(-criteria.length)[0]).toMatch(/^(acquis|à consolider|en cours|non évalué)/);
			expect(cohortCsvFileName(group.name, '2026-12-02')).toBe('jalon-cohorte-test-ete-2026-12-02.csv');
		});
	});
});
