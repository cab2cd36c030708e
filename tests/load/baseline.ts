// The one baseline every benchmark measures in its own run (issue 23): GET /connexion,
// anonymous, server-rendered, reading no data. It stays server-rendered when the public
// pages become files, so every ratio to it keeps its meaning. Machines here are noisy and
// shared: the figures to compare between runs are the ratios, not the milliseconds.
import type { RunningApp } from '../support/app-server';

export const BASELINE_PATH = '/connexion';
export const BASELINE_LABEL = `référence GET ${BASELINE_PATH} (anonyme)`;

/** The app's CPU time per request over `work`, which returns how many requests it sent (null off Linux). */
export async function cpuPerRequest(app: RunningApp, work: () => Promise<number>): Promise<number | null> {
	const before = app.cpuMs();
	const requests = await work();
	const after = app.cpuMs();
	return before === null || after === null || requests === 0 ? null : (after - before) / requests;
}

export const fixed = (value: number | null | undefined, digits = 1) => (value !== null && value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—');

/** « 2.31× » for a ratio to the baseline, « — » when either side is missing. */
export const ratio = (value: number | null | undefined, base: number | null | undefined) =>
	value !== null && value !== undefined && base ? `${fixed(value / base, 2)}×` : '—';
