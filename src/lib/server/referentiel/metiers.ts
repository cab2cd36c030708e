import { getCatalog } from '../content/catalog';
import { renderMarkdown } from '../content/markdown';

export interface MetierPage {
	id: string;
	title: string;
	code: string;
	summary: string;
	sections: { title: string; html: string }[];
	certifications: { id: string; title: string }[];
	why: string | null;
}

let pages: Map<string, MetierPage> | null = null;

/** Métier pages with their sections rendered once per process. */
export function getMetierPage(id: string): MetierPage | undefined {
	if (!pages) {
		const catalog = getCatalog();
		pages = new Map(
			catalog.metiers.map((metier) => [
				metier.id,
				{
					id: metier.id,
					title: metier.title,
					code: metier.code,
					summary: metier.summary,
					sections: metier.sections.map((section) => ({ title: section.title, html: renderMarkdown(section.text) })),
					certifications: metier.certifications.flatMap((certificationId) => {
						const certification = catalog.certifications.find((c) => c.id === certificationId);
						return certification ? [{ id: certification.id, title: certification.title }] : [];
					}),
					why: metier.why ?? null
				}
			])
		);
	}
	return pages.get(id);
}
