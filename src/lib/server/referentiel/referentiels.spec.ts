import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files';
import { loadCatalog } from '../content/load';

const { catalog, problems } = loadCatalog(readContentFiles(path.resolve('content')));
const certification = (id: string) => {
	const found = catalog.certifications.find((c) => c.id === id);
	if (!found) throw new Error(`certification ${id} absente`);
	return found;
};
const competencesOf = (id: string, kinds?: string[]) =>
	certification(id).units.filter((unit) => !kinds || kinds.includes(unit.kind)).flatMap((unit) => unit.competences);

describe('the référentiels', () => {
	it('load without a problem in the référentiel files', () => {
		expect(problems.filter((problem) => problem.file.startsWith('referentiels/'))).toEqual([]);
	});

	it('TCI has blocks BDC 0158, 0167, 0166 and the seven competences numbered 1–5, 7, 8', () => {
		const tci = certification('tci');
		expect(tci.units.map((unit) => unit.code)).toEqual(['BDC 0158', 'BDC 0167', 'BDC 0166']);
		expect(tci.units.map((unit) => unit.competences.map((c) => c.number))).toEqual([['1', '2'], ['3', '4', '5'], ['7', '8']]);
	});

	it('RA has seven capacités, capacity 4 with criteria written by the platform', () => {
		const capacities = competencesOf('ra');
		expect(capacities.map((c) => c.id)).toEqual(['ra.c1', 'ra.c2', 'ra.c3', 'ra.c4', 'ra.c5', 'ra.c6', 'ra.c7']);
		const c4 = capacities.find((c) => c.id === 'ra.c4');
		expect(c4?.criteria.length).toBeGreaterThan(0);
		expect(c4?.criteria.every((criterion) => !criterion.official)).toBe(true);
		expect(capacities.filter((c) => c.id !== 'ra.c4').every((c) => c.criteria.every((criterion) => criterion.official))).toBe(true);
	});

	it('NTC has two certificate units with seven capacities and two transversal competences, all derived', () => {
		const ntc = certification('ntc');
		expect(ntc.units.filter((unit) => unit.kind === 'ccp')).toHaveLength(2);
		expect(competencesOf('ntc', ['ccp'])).toHaveLength(7);
		expect(competencesOf('ntc', ['transversal'])).toHaveLength(2);
		expect(competencesOf('ntc').every((c) => c.criteria.every((criterion) => !criterion.official))).toBe(true);
	});

	it('every criterion id is unique and belongs to its competence', () => {
		const all = catalog.certifications.flatMap((c) => c.units.flatMap((u) => u.competences.flatMap((k) => k.criteria)));
		expect(new Set(all.map((criterion) => criterion.id)).size).toBe(all.length);
		for (const criterion of all) expect(criterion.id.startsWith(`${criterion.competenceId}.`)).toBe(true);
	});
});
