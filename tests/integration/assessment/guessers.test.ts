// Guessers never look ready: candidates who pick options by position or length, without
// reading, stay far from « acquis » on every certification; a candidate who answers right gets
// there. A key-first copy of the content proves the test would catch an undrawn order.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import { GUESSERS, keysFirst, meanOverSeeds, type Guesser, type GuesserResult } from '../../helpers/guessers';

const catalog = loadCatalog(readContentFiles(path.resolve('content'))).catalog;
const SEEDS = 20;
/** Guessers asserted everywhere; the length guessers are asserted once the distractors are rewritten. */
const ASSERTED: Guesser[] = ['premier', 'aléatoire'];
// Asserted everywhere since the distractors were rewritten (content/coverage.yaml holds the ceilings that keep them so).
const LENGTH_ASSERTED: Record<string, boolean> = { tci: true, ra: true, ntc: true };

const report: string[] = [];
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const line = (certification: string, result: GuesserResult) =>
	`${certification.padEnd(5)} ${result.guesser.padEnd(13)} acquis ${percent(result.acquiredShare).padStart(7)}   maîtrise moyenne ${result.meanMastery.toFixed(3)}`;

describe.each(catalog.certifications.map((certification) => certification.id))('guessers on %s', (certificationId) => {
	const modules = catalog.modules.filter((module) => module.certificationId === certificationId);

	it.each(GUESSERS)('the « %s » guesser never looks ready', (guesser) => {
		const result = meanOverSeeds(catalog, modules, guesser, SEEDS);
		report.push(line(certificationId, result));
		if (ASSERTED.includes(guesser) || LENGTH_ASSERTED[certificationId]) {
			expect(result.acquiredShare).toBeLessThanOrEqual(0.02);
			expect(result.meanMastery).toBeLessThan(0.6);
		}
	});

	it('a candidate who answers right reaches « acquis » on at least 95 % of criteria', () => {
		const result = meanOverSeeds(catalog, modules, 'bon candidat', 3);
		report.push(line(certificationId, result));
		expect(result.acquiredShare).toBeGreaterThanOrEqual(0.95);
	});
});

describe('the guessers test itself', () => {
	const modules = catalog.modules.filter((module) => module.certificationId === 'tci').map(keysFirst);

	it('catches content whose keys are listed first when the order is not drawn', () => {
		const undrawn = meanOverSeeds(catalog, modules, 'premier', 5, { shuffle: false });
		report.push(line('tci*', { ...undrawn, guesser: 'premier' }) + '   (clés en premier, ordre non tiré)');
		// Either threshold failing is what the guessers test would report.
		expect(undrawn.acquiredShare > 0.02 || undrawn.meanMastery >= 0.6).toBe(true);
		expect(undrawn.acquiredShare).toBeGreaterThan(0.5);
	});

	it('passes the same key-first content once the order is drawn', () => {
		const drawn = meanOverSeeds(catalog, modules, 'premier', SEEDS);
		report.push(line('tci*', drawn) + '   (clés en premier, ordre tiré)');
		expect(drawn.acquiredShare).toBeLessThanOrEqual(0.02);
		expect(drawn.meanMastery).toBeLessThan(0.6);
	});

	it('prints the figures', () => {
		console.log(`Devineurs (moyenne sur ${SEEDS} candidats simulés par devineur)\n${report.join('\n')}`);
		expect(report.length).toBeGreaterThan(0);
	});
});
