import { describe, expect, it } from 'vitest';
import type { CriterionCell, ProgressPage } from '$lib/server/mastery/progress-view';
import { mapData } from './map-data';

const cell: CriterionCell = {
	id: 'tci.c1.met1',
	text: 'Le texte officiel complet du critère, long, que la carte ne montre pas.',
	official: true,
	status: 'acquis',
	training: true,
	demonstrated: false,
	estimate: 82,
	uncertainty: 9,
	selfRating: 3,
	reasons: ['12 réponses, dont 10 justes.'],
	evidenceCount: 12,
	lastEvidenceAt: new Date('2026-11-30T10:00:00Z'),
	next: null
};

describe('the map’s load data', () => {
	it('keeps of each criterion what a map cell shows, and everything else of the page', () => {
		const competence = { id: 'tci.c1', number: '1', title: 'Veille', acquired: false, criteriaAcquired: 1, criteriaTotal: 2, moduleHref: '/modules/tci/c1', criteria: [cell, { ...cell, id: 'tci.c1.met2', status: 'non évalué' as const, training: false }] };
		const unit = { id: 'tci.b1', code: 'BDC 0158', title: 'Bloc 1', competences: [competence] };
		const page = { certification: { id: 'tci', title: 'TCI', type: 'CQPM' }, ready: false, units: [unit], evolution: { checkpoints: [], units: [] } } as unknown as ProgressPage;
		const data = mapData(page);
		expect(data.units[0]!.competences[0]!.criteria).toEqual([
			{ id: 'tci.c1.met1', status: 'acquis', training: true, demonstrated: false },
			{ id: 'tci.c1.met2', status: 'non évalué', training: false, demonstrated: false }
		]);
		expect(data.units[0]!.competences[0]).toMatchObject({ id: 'tci.c1', title: 'Veille', criteriaAcquired: 1, moduleHref: '/modules/tci/c1' });
		expect(data.units[0]).toMatchObject({ id: 'tci.b1', code: 'BDC 0158' });
		expect(data.evolution).toBe(page.evolution);
		expect(JSON.stringify(data)).not.toContain('texte officiel');
	});
});
