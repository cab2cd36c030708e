import { onDatabaseReady } from '../startup';
import { getCatalog } from './catalog';

/**
 * Loads the content (parsing, validation, every lesson rendered and sanitised) before the
 * server says it is ready, so the first request costs what the second does.
 */
export function registerContentStartupTasks(): void {
	onDatabaseReady(async () => {
		getCatalog();
	});
}
