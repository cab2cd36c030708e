import { describe, expect, it } from 'vitest';
import { attemptDraw, newDrawSeed } from './attempt-draw';

const ids = ['a', 'b', 'c', 'd', 'e'];
const identity = (id: string) => id;

describe('attempt draw', () => {
	it('gives the same order and tokens for the same seed: reloads and tabs agree', () => {
		const seed = newDrawSeed();
		expect(attemptDraw(seed).order('item', ids, identity)).toEqual(attemptDraw(seed).order('item', ids, identity));
		expect(ids.map((id) => attemptDraw(seed).token('item', id))).toEqual(ids.map((id) => attemptDraw(seed).token('item', id)));
	});

	it('draws orders independently per attempt and per item', () => {
		const orders = new Set(Array.from({ length: 40 }, (_, i) => attemptDraw(`graine-${i}`).order('item', ids, identity).join('')));
		expect(orders.size).toBeGreaterThan(20);
		const draw = attemptDraw('une-graine');
		const perItem = new Set(Array.from({ length: 40 }, (_, i) => draw.order(`item-${i}`, ids, identity).join('')));
		expect(perItem.size).toBeGreaterThan(20);
		// Over many attempts, the authored first option is shown first about one time in five.
		const firsts = Array.from({ length: 2000 }, (_, i) => attemptDraw(`g${i}`).order('item', ids, identity)[0]);
		expect(firsts.filter((id) => id === 'a').length / 2000).toBeGreaterThan(0.15);
		expect(firsts.filter((id) => id === 'a').length / 2000).toBeLessThan(0.25);
	});

	it('tokens say nothing of the content id and change with the attempt', () => {
		const one = attemptDraw('première');
		const two = attemptDraw('seconde');
		for (const id of ids) {
			expect(one.token('item', id)).toMatch(/^t[A-Za-z0-9_-]{12}$/);
			expect(one.token('item', id)).not.toBe(two.token('item', id));
		}
		expect(new Set(ids.map((id) => one.token('item', id))).size).toBe(ids.length);
	});

	it('maps a token back to its content id, and nothing else', () => {
		const draw = attemptDraw(newDrawSeed());
		expect(draw.resolve('item', ids, draw.token('item', 'c'))).toBe('c');
		expect(draw.resolve('item', ids, 'c')).toBeNull();
		expect(draw.resolve('autre', ids, draw.token('item', 'c'))).toBeNull();
	});

	it('keeps the authored order when the draw is switched off', () => {
		expect(attemptDraw('x', { shuffle: false }).order('item', ids, identity)).toEqual(ids);
	});
});
