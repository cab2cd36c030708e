import { isHttpError, isRedirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { authenticate, authorize, readableBody, refuseCrossSite, securityHeaders } from '$lib/server/auth/handles';
import { registerAuthStartupTasks } from '$lib/server/auth/startup-tasks';
import { registerContentStartupTasks } from '$lib/server/content/startup-tasks';
import { registerDemoObservationTasks, registerEvidenceStartupTasks } from '$lib/server/evidence/startup-tasks';
import { registerGroupStartupTasks } from '$lib/server/groups/startup-tasks';
import { registerMailStartupTasks } from '$lib/server/mail/background';
import { registerObservationStartupTasks } from '$lib/server/observations/startup-tasks';
import { registerVaeStartupTasks } from '$lib/server/vae/startup-tasks';
import { registerProjectsStartupTasks } from '$lib/server/projects/startup-tasks';
import { formatRequestLine } from '$lib/server/request-log';
import { startDatabase } from '$lib/server/startup';

// Purge of expired sessions, tokens and throttle counters (at start and every 10 minutes),
// demo accounts on the embedded database; the mail worker when SMTP_URL is set.
registerAuthStartupTasks();
registerContentStartupTasks();
registerEvidenceStartupTasks();
registerGroupStartupTasks(); // the demo trainer's group (after the demo accounts)
registerDemoObservationTasks(); // after the demo group: the demo candidate's map shows both levels
registerObservationStartupTasks(); // the demo group's observations, after both above
registerMailStartupTasks();
// After the demo accounts (and any groups demo data): the demo VAE applicant's file.
registerVaeStartupTasks();
// After the demo group: the demo candidate's projects report and their tutor's signed opinion.
registerProjectsStartupTasks();

export const init: ServerInit = async () => {
	// Prerendering the public pages (vite build) reads only the bundled content: no database.
	if (building) return;
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

// Log, then headers on whatever comes back, then refuse other sites' posts and unreadable
// bodies, then who is asking, then whether they may.
export const handle: Handle = sequence(logRequest, securityHeaders, refuseCrossSite, readableBody, authenticate, authorize);

/** French messages for the framework's own refusals (its English text is never shown). */
const ERROR_MESSAGES: Record<number, string> = {
	400: 'La requête est mal formée. Rechargez la page et réessayez.',
	404: 'Page introuvable.',
	405: 'Cette adresse n’accepte pas ce type de requête.',
	413: 'Le contenu envoyé est trop volumineux.',
	415: 'Ce type de contenu n’est pas accepté ici : envoyez le formulaire depuis la page.'
};

export const handleError: HandleServerError = ({ error, status }) => {
	// The detail goes to the server log (not for the refusals above: they are the visitor's);
	// the visitor gets a calm French message, never a stack.
	if (!(status in ERROR_MESSAGES)) console.error(error);
	return { message: ERROR_MESSAGES[status] ?? 'Une erreur inattendue est survenue. Réessayez dans un instant.' };
};
