import { error, type RequestEvent } from '@sveltejs/kit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for a read-only method, or when the Origin header names this site exactly. */
export function isSameOriginRequest(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return true;
	return request.headers.get('origin') === url.origin;
}

/**
 * Rejects (403) a state-changing request sent by another site. SvelteKit checks the Origin
 * of form submissions itself; JSON and other bodies are not covered by that check, so
 * endpoints call this (the handle hook also does, for every non-GET request).
 */
export function assertSameOrigin(event: Pick<RequestEvent, 'request' | 'url'>): void {
	if (!isSameOriginRequest(event.request, event.url)) {
		error(403, 'Requête refusée : elle ne vient pas de Jalon.');
	}
}
