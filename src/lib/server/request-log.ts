/**
 * One line per request: method, route (its pattern, so ids, tokens and query strings never
 * reach the log), status and duration.
 */
export function formatRequestLine(method: string, route: string | null, path: string, status: number, ms: number): string {
	const where = route ?? (status === 404 ? '(aucune route)' : path.split('?')[0]);
	return `${method} ${where} ${status} ${ms.toFixed(1)}ms`;
}
