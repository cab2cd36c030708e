import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
	'p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'code', 'pre', 'blockquote', 'hr',
	'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
	'sup', 'sub', 'abbr'
];

/**
 * Markdown to HTML that is safe to insert in a page: authored content and user text go
 * through the same sanitizer, which keeps formatting and drops scripts, styles, event
 * attributes and non-http(s) links.
 */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	const safe = sanitizeHtml(html, {
		allowedTags,
		allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'], abbr: ['title'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		transformTags: {
			// Headings inside a lesson section sit below the section's own h2.
			h1: 'h3'
		}
	});
	// Wide tables scroll on a phone; a focusable region lets keyboard users scroll them too.
	return safe
		.replaceAll('<table>', '<div class="table-scroll" tabindex="0" role="region" aria-label="Tableau (défilement horizontal)"><table>')
		.replaceAll('</table>', '</table></div>');
}

/** One line of markdown (a choice, a step) as inline HTML, without a wrapping paragraph. */
export function renderInlineMarkdown(markdown: string): string {
	const html = marked.parseInline(markdown) as string;
	return sanitizeHtml(html, {
		allowedTags: ['strong', 'em', 'b', 'i', 'code', 'sup', 'sub', 'br', 'del'],
		allowedAttributes: {}
	});
}
