import { isHttpError, isRedirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticate, authorize, securityHeaders } from '$lib/server/auth/handles';
import { registerAuthStartupTasks } from '$lib/server/auth/startup-tasks';
import { formatRequestLine } from '$lib/server/request-log';
import { startDatabase } from '$lib/server/startup';

// Purge of expired sessions and tokens, demo accounts on the embedded database.
registerAuthStartupTasks();

export const init: ServerInit = async () => {
	try {
		await startDatabase();
	} catch (error) {
		console.error(`[jalon] démarrage impossible : ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
};

const logRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} catch (error) {
		// The access policy answers by throwing redirect(303) or error(403/401).
		if (isRedirect(error) || isHttpError(error)) status = error.status;
		throw error;
	} finally {
		const line = formatRequestLine(event.request.method, event.route.id, event.url.pathname, status, performance.now() - started);
		console.log(line);
	}
};

// Log, then headers on whatever comes back, then who is asking, then whether they may.
export const handle: Handle = sequence(logRequest, securityHeaders, authenticate, authorize);

export const handleError: HandleServerError = ({ error, status }) => {
	// The detail goes to the server log; the visitor gets a calm French message, never a stack.
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue. Réessayez dans un instant.'
	};
};
