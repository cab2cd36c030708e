// The first request after « prêt » against the second (issue 23: within 2×). The app says it
// is ready once /healthz answers; /healthz reads no content, so the first page that does
// (a module page, the map) shows whether anything is still loaded lazily.
export interface FirstRequest {
	path: string;
	firstMs: number;
	secondMs: number;
}

export async function measureFirstRequests(origin: string, cookie: string, paths: string[]): Promise<FirstRequest[]> {
	const timeOne = async (path: string) => {
		const started = performance.now();
		const response = await fetch(`${origin}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${path} : statut ${response.status}`);
		return performance.now() - started;
	};
	const measured: FirstRequest[] = [];
	for (const path of paths) {
		const firstMs = await timeOne(path);
		measured.push({ path, firstMs, secondMs: await timeOne(path) });
	}
	return measured;
}

export function printFirstRequests(engine: string, measured: FirstRequest[]): void {
	for (const { path, firstMs, secondMs } of measured) {
		const times = firstMs / secondMs;
		console.log(`${engine} : première requête après « prêt » ${path} : ${firstMs.toFixed(1)} ms, deuxième ${secondMs.toFixed(1)} ms → ${times.toFixed(2)}× (cible ≤ 2×) ${times <= 2 ? 'atteinte' : 'NON atteinte'}`);
	}
}
