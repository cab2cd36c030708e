// Latencies of one kind of request, gathered over several timed phases.

export interface Series {
	label: string;
	latencies: number[];
	errors: number;
	/** A few failures, described, so a failed run says why. */
	examples: string[];
	/** Summed wall time of the phases that fed the series: count / this = throughput. */
	wallMs: number;
	/** p95 of each phase, to see how much the machine's noise moved between rounds. */
	phaseP95: number[];
}

export interface Summary {
	count: number;
	errors: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	perSecond: number;
}

export function createSeries(label: string): Series {
	return { label, latencies: [], errors: 0, examples: [], wallMs: 0, phaseP95: [] };
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function recordError(series: Series, description: string): void {
	series.errors++;
	if (series.examples.length < 5) series.examples.push(description);
}

export function summarise(series: Series): Summary {
	const sorted = [...series.latencies].sort((a, b) => a - b);
	return {
		count: sorted.length,
		errors: series.errors,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? NaN,
		perSecond: series.wallMs > 0 ? sorted.length / (series.wallMs / 1000) : NaN
	};
}

/**
 * Runs `perWorker` steps on every worker at once (each worker waits for its previous answer:
 * a closed loop, like a candidate reading then clicking) and records the phase's latencies.
 * A step returns null when the answer was the expected one, else a description of the error.
 */
/**
 * Runs `perWorker` steps per worker, all workers at once, and times each step. `prepare`, when
 * given, runs before each step outside the timing (e.g. reading the page a form is posted from).
 */
export async function runPhase<W>(
	series: Series,
	workers: W[],
	perWorker: number,
	step: (worker: W, index: number) => Promise<string | null>,
	prepare?: (worker: W) => Promise<void>
): Promise<void> {
	const phase: number[] = [];
	const started = performance.now();
	await Promise.all(
		workers.map(async (worker) => {
			for (let index = 0; index < perWorker; index++) {
				if (prepare) await prepare(worker);
				const sent = performance.now();
				const error = await step(worker, index).catch((failure: Error) => `échec réseau : ${failure.message}`);
				phase.push(performance.now() - sent);
				if (error) recordError(series, error);
			}
		})
	);
	series.wallMs += performance.now() - started;
	series.latencies.push(...phase);
	series.phaseP95.push(percentile(phase.sort((a, b) => a - b), 95));
}
