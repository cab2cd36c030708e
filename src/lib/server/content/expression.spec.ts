import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './expression';

describe('evaluateExpression', () => {
	it('follows operator precedence and parentheses', () => {
		expect(evaluateExpression('2 + 3 * 4', {})).toBe(14);
		expect(evaluateExpression('(2 + 3) * 4', {})).toBe(20);
		expect(evaluateExpression('-(2 - 5) / 3', {})).toBe(1);
	});

	it('reads input names, e.g. a selling price from a cost and a mark-up rate', () => {
		expect(evaluateExpression('prix_revient / (1 - taux_marque)', { prix_revient: 8000, taux_marque: 0.2 })).toBe(10000);
	});

	it('refuses unknown names and anything that is not arithmetic', () => {
		expect(() => evaluateExpression('a + b', { a: 1 })).toThrow(/inconnue/);
		expect(() => evaluateExpression('process.exit()', {})).toThrow();
		expect(() => evaluateExpression('1 +', {})).toThrow(/incomplète/);
		expect(() => evaluateExpression('1 / 0', {})).toThrow(/fini/);
	});
});
