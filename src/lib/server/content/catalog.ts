import { loadCatalog, type ContentFiles } from './load';
import type { Catalog } from './types';

// Vite bundles the content into the server build: the deployed app reads no content folder,
// and the catalog (with every lesson rendered and sanitized) is built once per process.
const sources = import.meta.glob<string>(['/content/**/*.yaml', '/content/**/*.md', '!/content/README.md'], {
	query: '?raw',
	import: 'default',
	eager: true
});

function bundledFiles(): ContentFiles {
	return new Map(Object.entries(sources).map(([file, text]) => [file.replace(/^\/content\//, ''), text]));
}

let catalog: Catalog | null = null;

/** The content catalog, loaded on first use. Problems are logged: `npm run content:check` fails on them. */
export function getCatalog(): Catalog {
	if (!catalog) {
		const started = performance.now();
		const result = loadCatalog(bundledFiles());
		for (const problem of result.problems) console.warn(`[contenu] ${problem.file} ${problem.path} : ${problem.message}`);
		catalog = result.catalog;
		console.log(
			`[jalon] contenu chargé : ${catalog.certifications.length} certifications, ${catalog.criteria.size} critères, ${catalog.modules.length} modules (${(performance.now() - started).toFixed(0)} ms)`
		);
	}
	return catalog;
}
