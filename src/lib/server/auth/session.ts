import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Executor } from '../db';
import {
	deleteSession,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry
} from './sessions.repository';
import type { SessionUser } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used when less than half its life remains gets a fresh 30 days. */
export const SESSION_RENEWAL_THRESHOLD_MS = SESSION_LIFETIME_MS / 2;

export interface Session {
	/** SHA-256 of the token, hex: what the database stores. */
	id: string;
	userId: string;
	expiresAt: Date;
}

export type SessionValidationResult =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

/** 20 random bytes (160 bits) from the platform's CSPRNG, base32: 32 lowercase characters. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The id under which a token's session is stored: a database leak gives no usable token. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Executor, token: string, userId: string, now = new Date()): Promise<Session> {
	const session: Session = { id: hashToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
	await insertSession(db, session);
	return session;
}

/**
 * Returns the session and user a token stands for. An expired session is deleted and
 * rejected; a live one with less than half its lifetime left is extended to 30 days from now
 * (`renewed` tells the caller to send the cookie again with the new expiry).
 */
export async function validateSessionToken(db: Executor, token: string, now = new Date()): Promise<SessionValidationResult> {
	if (!/^[a-z2-7]{32}$/.test(token)) return { session: null, user: null, renewed: false };
	const row = await findSessionWithUser(db, hashToken(token));
	if (!row) return { session: null, user: null, renewed: false };
	if (now.getTime() >= row.expiresAt.getTime()) {
		await deleteSession(db, row.id);
		return { session: null, user: null, renewed: false };
	}
	const session: Session = { id: row.id, userId: row.userId, expiresAt: row.expiresAt };
	const renewed = row.expiresAt.getTime() - now.getTime() < SESSION_RENEWAL_THRESHOLD_MS;
	if (renewed) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await updateSessionExpiry(db, session.id, session.expiresAt);
	}
	const user: SessionUser = { id: row.userId, email: row.email, displayName: row.displayName, role: row.role };
	return { session, user, renewed };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Ends every session of the user, on every device. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await deleteUserSessions(db, userId);
}
