/** True for a UUID as PostgreSQL writes them: checked before a query, so a malformed id in a URL or form is a plain "not found" rather than a database error. */
export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
