import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('keeps formatting, lists and tables', () => {
		const html = renderMarkdown('**Marge** :\n\n- un\n- deux\n\n| a | b |\n|---|---|\n| 1 | 2 |');
		expect(html).toContain('<strong>Marge</strong>');
		expect(html).toContain('<li>un</li>');
		expect(html).toContain('<td>1</td>');
		// Wide tables sit in a region a keyboard user can focus and scroll.
		expect(html).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table>/);
	});

	it('drops scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[lien](javascript:alert(1))');
		expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
		expect(html).toContain('lien');
	});

	it('renders inline text without a paragraph', () => {
		expect(renderInlineMarkdown('un *devis* signé')).toBe('un <em>devis</em> signé');
	});
});
