// A small closed-loop load generator: N keep-alive connections, each sending its next request
// as soon as the previous answer has been read. Loopback only.
import http from 'node:http';

export interface LoadResult {
	requests: number;
	errors: number;
	p50: number;
	p95: number;
	p99: number;
	perSecond: number;
	bytes: number;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent, headers }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** Runs the load for `durationMs` and returns latency percentiles (ms) and throughput. */
export async function runLoad(target: string, headers: Record<string, string>, connections: number, durationMs: number): Promise<LoadResult> {
	const url = new URL(target);
	if (url.hostname !== '127.0.0.1') throw new Error('le banc ne vise que la boucle locale (127.0.0.1)');
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
	const latencies: number[] = [];
	let errors = 0;
	let bytes = 0;
	const started = performance.now();
	const end = started + durationMs;
	const worker = async () => {
		while (performance.now() < end) {
			const sent = performance.now();
			try {
				const response = await get(agent, url, headers);
				if (response.status !== 200) errors++;
				bytes += response.bytes;
			} catch {
				errors++;
			}
			latencies.push(performance.now() - sent);
		}
	};
	await Promise.all(Array.from({ length: connections }, worker));
	const elapsed = (performance.now() - started) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		errors,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		perSecond: latencies.length / elapsed,
		bytes: latencies.length ? bytes / latencies.length : 0
	};
}
