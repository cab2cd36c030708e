import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { formatRequestLine } from '$lib/server/request-log';
import { startDatabase } from '$lib/server/startup';

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
	} finally {
		const line = formatRequestLine(event.request.method, event.route.id, event.url.pathname, status, performance.now() - started);
		console.log(line);
	}
};

// Until the auth domain resolves the session, every request is anonymous.
const anonymous: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	return resolve(event);
};

export const handle: Handle = sequence(logRequest, anonymous);

export const handleError: HandleServerError = ({ error, status }) => {
	// The detail goes to the server log; the visitor gets a calm French message, never a stack.
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue. Réessayez dans un instant.'
	};
};
