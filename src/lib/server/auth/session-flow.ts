import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { createSession, generateSessionToken, invalidateSession } from './session';
import { deleteSessionTokenCookie, setSessionTokenCookie } from './session-cookie';

/** Opens a session with a new token for the user and sets its cookie (any previous one ends). */
export async function startSession(event: RequestEvent, userId: string): Promise<void> {
	const db = getDb();
	if (event.locals.sessionId) await invalidateSession(db, event.locals.sessionId);
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionTokenCookie(event.cookies, event.url, token, session.expiresAt);
	event.locals.sessionId = session.id;
}

/** Ends the current session, if any, and clears its cookie. */
export async function endSession(event: RequestEvent): Promise<void> {
	if (event.locals.sessionId) await invalidateSession(getDb(), event.locals.sessionId);
	deleteSessionTokenCookie(event.cookies, event.url);
	event.locals.sessionId = null;
	event.locals.user = null;
}
