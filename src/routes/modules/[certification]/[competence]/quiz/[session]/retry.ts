import type { Cookies } from '@sveltejs/kit';
import { shouldUseSecureCookie } from '$lib/server/auth/session-cookie';

/** A quiz answer that failed validation, kept for the next rendering of the same question. */
export interface Retry {
	itemToken: string;
	message: string;
	values: Record<string, string[]>;
}

const COOKIE = 'jalon_reponse';
// Browsers keep about 4 KB per cookie: past this the typed answer is dropped, the message kept.
const MAX_VALUES = 2500;

/** Stores the failed answer for the quiz page at `path`, for a few minutes. */
export function saveRetry(cookies: Cookies, url: URL, retry: Retry): void {
	const values = JSON.stringify(retry.values).length <= MAX_VALUES ? retry.values : {};
	cookies.set(COOKIE, JSON.stringify({ ...retry, values }), { path: url.pathname, httpOnly: true, sameSite: 'lax', maxAge: 300, secure: shouldUseSecureCookie(url) });
}

/** The failed answer stored for this page, read once: it is deleted as it is read. */
export function readRetry(cookies: Cookies, url: URL): Retry | null {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;
	cookies.delete(COOKIE, { path: url.pathname, httpOnly: true, sameSite: 'lax', secure: shouldUseSecureCookie(url) });
	try {
		const parsed = JSON.parse(raw) as Partial<Retry>;
		if (typeof parsed.itemToken !== 'string' || typeof parsed.message !== 'string' || typeof parsed.values !== 'object' || parsed.values === null) return null;
		const values: Record<string, string[]> = {};
		for (const [key, list] of Object.entries(parsed.values)) {
			if (Array.isArray(list)) values[key] = list.filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 200));
		}
		return { itemToken: parsed.itemToken, message: parsed.message.slice(0, 300), values };
	} catch {
		return null;
	}
}
