/**
 * Reads a number as a French speaker types it: "1 234,5 €", "12,5 %", "12.5", "1.234,5".
 * Returns null when the text is not a number.
 */
export function parseFrenchNumber(text: string): number | null {
	// spaces of every kind, including the non-breaking ones French typography uses
	let cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^€/, '');
	// units and currency after the number ("€ HT", "%", "jours")
	for (let previous = ''; previous !== cleaned; ) {
		previous = cleaned;
		cleaned = cleaned.replace(/(€|%|[a-zà-ÿ]+\.?)$/i, '');
	}
	if (cleaned.includes(',') && cleaned.includes('.')) {
		// "1.234,5": dots group thousands, the comma is the decimal mark
		cleaned = cleaned.replace(/\./g, '');
	}
	cleaned = cleaned.replace(',', '.');
	if (!/^[-+−]?\d+(\.\d+)?$|^[-+−]?\.\d+$/.test(cleaned)) return null;
	const value = Number(cleaned.replace('−', '-'));
	return Number.isFinite(value) ? value : null;
}

/** A number as French readers expect it: "10 000", "12,5". */
export function formatFrenchNumber(value: number): string {
	return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 }).format(value);
}
