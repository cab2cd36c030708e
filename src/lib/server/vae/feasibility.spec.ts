import { describe, expect, it } from 'vitest';
import { assembleDraft, BLOCK_COMMENT_MAX, blockCommentError, criterionSuggestion, disagreementOf, prefillState, toExport, type CriterionBasis } from './feasibility';
import { feasibilityExportSchema } from './feasibility-export.schema';

const c = (id: string, gap: CriterionBasis['gap'], answer: CriterionBasis['answer']): CriterionBasis => ({ id, text: `Critère ${id}`, gap, answer });

describe('the pre-fill rule', () => {
	it('says Oui when every criterion is positioned oui or proved, none à consolider', () => {
		expect(prefillState([c('a', 'à prouver', 'oui'), c('b', 'prouvé', 'oui'), c('c', 'prouvé', null)])).toBe('oui');
	});
	it('says Partiellement as soon as one oui is à consolider', () => {
		expect(prefillState([c('a', 'à prouver', 'oui'), c('b', 'à consolider', 'oui')])).toBe('partiellement');
	});
	it('says Non when every criterion is positioned non or not positioned', () => {
		expect(prefillState([c('a', 'à acquérir', 'non'), c('b', 'non positionné', null)])).toBe('non');
	});
	it('says Partiellement for a mix, and for a partiellement alone', () => {
		expect(prefillState([c('a', 'à prouver', 'oui'), c('b', 'à acquérir', 'non')])).toBe('partiellement');
		expect(prefillState([c('a', 'à prouver', 'partiellement')])).toBe('partiellement');
	});
	it('a proof outweighs a « non »: the criterion says oui', () => {
		expect(criterionSuggestion({ gap: 'prouvé', answer: 'non' })).toBe('oui');
	});
});

describe('a state that disagrees with the evidence', () => {
	const criteria = [c('a', 'à prouver', 'oui'), c('b', 'à acquérir', 'non'), c('d', 'à consolider', 'oui')];
	it('is not flagged when it is the pre-filled one', () => {
		expect(disagreementOf('partiellement', criteria)).toBeNull();
	});
	it('names the criteria that say otherwise', () => {
		const flagged = disagreementOf('oui', criteria)!;
		expect(flagged.suggested).toBe('partiellement');
		expect(flagged.criteria.map((k) => [k.id, k.says])).toEqual([
			['b', 'non'],
			['d', 'partiellement']
		]);
	});
});

describe('block comments', () => {
	it('refuses a comment over 10,000 characters, in French, and accepts 10,000', () => {
		expect(blockCommentError('x'.repeat(BLOCK_COMMENT_MAX))).toBeNull();
		expect(blockCommentError('x'.repeat(BLOCK_COMMENT_MAX + 1))).toMatch(/10\u202f000|10 000/);
	});
	it('drafts one paragraph per linked experience, within the limit', () => {
		const experience = { title: 'Poste A', role: 'Technicienne', context: 'PME', period: 'depuis 2020', activities: 'Chiffrage.', results: '30 offres.', links: [{ criterion: 'Analyser la demande', justification: 'Je lisais les plans.', validated: true }] };
		const draft = assembleDraft([experience, { ...experience, title: 'Sans lien', links: [] }]);
		expect(draft).toContain('Poste A — Technicienne, PME (depuis 2020).');
		expect(draft).toContain('- Analyser la demande : Je lisais les plans.');
		expect(draft).not.toContain('Sans lien');
		const many = assembleDraft(Array.from({ length: 200 }, (_, i) => ({ ...experience, title: `Poste ${i}`, activities: 'y'.repeat(200) })));
		expect(many.length).toBeLessThanOrEqual(BLOCK_COMMENT_MAX);
		expect(many.length).toBeGreaterThan(BLOCK_COMMENT_MAX - 600);
	});
});

describe('the JSON export', () => {
	it('has the documented shape, with YES / NO / PARTIALLY', () => {
		const exported = toExport(
			{ id: 'tci', title: 'TCI', type: 'CQPM' },
			[{ code: 'B1', title: 'Bloc 1', comment: 'Texte', competences: [{ number: '1', title: 'Analyser', state: 'oui', confirmed: true }, { number: '2', title: 'Négocier', state: 'partiellement', confirmed: false }, { number: '3', title: 'Suivre', state: 'non', confirmed: false }] }],
			new Date('2026-12-02T10:00:00Z')
		);
		expect(feasibilityExportSchema.parse(exported)).toEqual(exported);
		expect(exported.blocks[0]!.competences.map((k) => k.state)).toEqual(['YES', 'PARTIALLY', 'NO']);
		expect(exported.blocks[0]!.competences[0]!.label).toBe('1. Analyser');
	});
});
