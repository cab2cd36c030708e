import fs from 'node:fs';
import path from 'node:path';

export interface AppRoute {
	/** SvelteKit's route id, e.g. '/admin/comptes/[id]' or '/(public)/referentiels'. */
	id: string;
	/** A URL that reaches the route: groups removed, parameters filled with dummy values. */
	url: string;
	hasPage: boolean;
	hasEndpoint: boolean;
}

const PAGE_FILES = ['+page.svelte', '+page.server.ts', '+page.ts', '+page.server.js', '+page.js'];
const ENDPOINT_FILES = ['+server.ts', '+server.js'];
/** Dummy value for a parameter: looks like an id, belongs to no one. */
const DUMMY = '00000000-0000-4000-8000-000000000000';

function urlFor(id: string): string {
	const segments = id
		.split('/')
		.filter((segment) => segment && !/^\(.+\)$/.test(segment) && !/^\[\[.+\]\]$/.test(segment))
		.map((segment) =>
			segment.replace(/\[(?:\.\.\.)?[^\]=]+(?:=([^\]]+))?\]/g, (_, matcher?: string) => (matcher && /int|num/i.test(matcher) ? '1' : DUMMY))
		);
	return `/${segments.join('/')}`;
}

/**
 * Every route of the app, read from src/routes on disk: a route added by anyone is in the
 * list without a test being edited.
 */
export function listAppRoutes(root = path.resolve('src/routes')): AppRoute[] {
	const routes: AppRoute[] = [];
	const walk = (dir: string, id: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		const names = new Set(files.filter((file) => file.isFile()).map((file) => file.name));
		const hasPage = PAGE_FILES.some((name) => names.has(name));
		const hasEndpoint = ENDPOINT_FILES.some((name) => names.has(name));
		if (hasPage || hasEndpoint) routes.push({ id: id || '/', url: urlFor(id), hasPage, hasEndpoint });
		for (const file of files) {
			if (file.isDirectory()) walk(path.join(dir, file.name), `${id}/${file.name}`);
		}
	};
	walk(root, '');
	return routes.sort((a, b) => a.id.localeCompare(b.id));
}
