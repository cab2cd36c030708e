/**
 * Calendar days ('YYYY-MM-DD') for training dates and due dates. « Today » is the day in
 * France, where Jalon's users are: an assignment due on the 12th is late from the 13th there.
 */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day it is in France at `now`. */
export function todayInFrance(now: Date = new Date()): IsoDay {
	return PARIS_DAY.format(now);
}

/** The day as typed in a date field, or null when it is not a real calendar day. */
export function parseIsoDay(value: string): IsoDay | null {
	const match = ISO_DAY.exec(value.trim());
	if (!match) return null;
	const [, y, m, d] = match.map(Number) as [number, number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	if (y < 2000 || y > 2100) return null;
	return value.trim();
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: IsoDay, days: number): IsoDay {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const LONG = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** « 12 mars 2027 ». */
export function formatDay(day: IsoDay): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return LONG.format(new Date(Date.UTC(y, m - 1, d)));
}
