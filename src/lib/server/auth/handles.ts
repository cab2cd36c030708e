import { error, redirect, type Handle } from '@sveltejs/kit';
import { getDb } from '../db';
import { decideAccess } from './access-policy';
import { assertSameOrigin } from './csrf';
import { readFormData } from './form';
import { loginUrl } from './redirect-target';
import { applySecurityHeaders } from './security-headers';
import { validateSessionToken } from './session';
import { deleteSessionTokenCookie, SESSION_COOKIE, setSessionTokenCookie } from './session-cookie';

/** Security headers on every response, the error pages and redirects included. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		applySecurityHeaders(response.headers, event.url, event.locals.user != null);
	} catch {
		// Responses built from fetch() have immutable headers; nothing to add to those.
	}
	return response;
};

/**
 * Refuses, with a French 403 (an HTML page for a browser, JSON for a script), any
 * state-changing request whose Origin is not this site, whatever its body. SvelteKit's own
 * check is turned off (svelte.config.js) because it answers in English plain text; this one
 * covers the same requests and more, before the session is even read.
 */
export const refuseCrossSite: Handle = async ({ event, resolve }) => {
	assertSameOrigin(event);
	return resolve(event);
};

/**
 * A multipart body that cannot be parsed is a 400 with a French message, over the size limit
 * a 413, before any route reads it (a route calling request.formData() on it would be a 500).
 * The check reads a copy; the route reads the original.
 */
export const readableBody: Handle = async ({ event, resolve }) => {
	const type = event.request.headers.get('content-type') ?? '';
	if (event.request.method === 'POST' && /^multipart\/form-data/i.test(type)) await readFormData(event.request.clone());
	return resolve(event);
};

/** Reads the session cookie into locals.user / locals.sessionId, renewing or clearing it. */
export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user, renewed } = await validateSessionToken(getDb(), token);
		if (session) {
			event.locals.user = user;
			event.locals.sessionId = session.id;
			if (renewed) setSessionTokenCookie(event.cookies, event.url, token, session.expiresAt);
		} else {
			deleteSessionTokenCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/**
 * Enforces the access policy before any load, action or endpoint runs. Anonymous visitors of a protected route go to the login
 * page (GET: coming back to where they were going); JSON callers get 401; the wrong role 403.
 */
export const authorize: Handle = async ({ event, resolve }) => {
	const decision = decideAccess(event.route.id, event.locals.user);
	if (decision === 'sign-in') {
		const method = event.request.method;
		const contentType = event.request.headers.get('content-type') ?? '';
		const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(contentType);
		if (method === 'GET' || method === 'HEAD') redirect(303, loginUrl(event.url.pathname + event.url.search));
		if (isForm) redirect(303, loginUrl(event.url.pathname));
		error(401, 'Connectez-vous pour continuer.');
	}
	if (decision === 'forbidden') error(403, 'Votre compte n’a pas accès à cette page.');
	return resolve(event);
};
