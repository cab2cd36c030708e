/**
 * Evaluates the arithmetic of a numeric item's `compute` block: numbers, input names,
 * + - * / and parentheses. A tiny recursive-descent parser rather than `eval`, because the
 * expression is authored content and must never run code.
 */
export function evaluateExpression(expression: string, inputs: Record<string, number>): number {
	const tokens = expression.match(/\d+(?:\.\d+)?|[A-Za-z_][\w]*|[-+*/()]|\S/g) ?? [];
	let position = 0;

	const peek = () => tokens[position];
	const take = () => tokens[position++];

	function primary(): number {
		const token = take();
		if (token === undefined) throw new Error('expression incomplète');
		if (token === '(') {
			const value = sum();
			if (take() !== ')') throw new Error('parenthèse fermante manquante');
			return value;
		}
		if (token === '-') return -primary();
		if (token === '+') return primary();
		if (/^\d/.test(token)) return Number(token);
		if (/^[A-Za-z_]/.test(token)) {
			if (!(token in inputs)) throw new Error(`donnée inconnue « ${token} »`);
			return inputs[token] as number;
		}
		throw new Error(`symbole inattendu « ${token} »`);
	}

	function product(): number {
		let value = primary();
		while (peek() === '*' || peek() === '/') {
			const operator = take();
			const right = primary();
			value = operator === '*' ? value * right : value / right;
		}
		return value;
	}

	function sum(): number {
		let value = product();
		while (peek() === '+' || peek() === '-') {
			const operator = take();
			const right = product();
			value = operator === '+' ? value + right : value - right;
		}
		return value;
	}

	const result = sum();
	if (position < tokens.length) throw new Error(`symbole inattendu « ${tokens[position]} »`);
	if (!Number.isFinite(result)) throw new Error('le résultat n’est pas un nombre fini');
	return result;
}
