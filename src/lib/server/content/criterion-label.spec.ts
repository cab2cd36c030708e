import { describe, expect, it } from 'vitest';
import { criterionLabel, LABEL_MAX } from './criterion-label';

describe('criterionLabel', () => {
	it('uses the référentiel’s own label when there is one', () => {
		expect(criterionLabel('Un texte officiel très long qui ne tiendrait jamais dans une cellule de la carte de progression.', ' Veille marché ')).toBe('Veille marché');
	});

	it('keeps a short text whole', () => {
		expect(criterionLabel('Le plan d’actions est formalisé.')).toBe('Le plan d’actions est formalisé.');
	});

	it('falls back on the first clause of a long text', () => {
		expect(
			criterionLabel(
				'Les éléments du marché sont collectés avec méthode : analyse de la concurrence ; suivi des évolutions technologiques autour d’un produit.'
			)
		).toBe('Les éléments du marché sont collectés avec méthode');
	});

	it('cuts a long text without a usable clause at a word, with an ellipsis', () => {
		const text = 'La proposition commerciale présentée au client reprend les besoins exprimés et les contraintes techniques et financières identifiées';
		const label = criterionLabel(text);
		expect(label.endsWith('…')).toBe(true);
		expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
		expect(text.startsWith(label.slice(0, -1))).toBe(true);
	});

	it('never returns an empty label or an id-like string for a blank label', () => {
		expect(criterionLabel('Le suivi de la commande est assuré jusqu’à la livraison.', '   ')).toBe('Le suivi de la commande est assuré jusqu’à la livraison.');
	});
});
