// The size of each personal page's server load data as serialised for the browser (the
// page's __data.json, what SvelteKit devalues on every request, HTML or not): issue 23 asks
// that personal pages load only what they render. A quiz and a scenario are started for the
// candidate so that their pages can be weighed too.
export interface DataWeight {
	label: string;
	path: string;
	bytes: number;
}

async function startedAt(origin: string, cookie: string, action: string, fields: Record<string, string>): Promise<string> {
	const response = await fetch(`${origin}${action}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`${action} : statut ${response.status}`);
	return location.split('?')[0]!;
}

/** `modulePath` is a module the candidate is enrolled in, with a quiz and a scenario. */
export async function measureLoadData(origin: string, token: string, pages: { label: string; path: string }[], modulePath: string, scenarioId: string): Promise<DataWeight[]> {
	const cookie = `jalon_session=${token}`;
	const quiz = await startedAt(origin, cookie, `${modulePath}?/startQuiz`, { mode: 'full' });
	const scenario = await startedAt(origin, cookie, `${modulePath}?/startScenario`, { scenario: scenarioId });
	const all = [...pages, { label: 'question de quiz', path: quiz }, { label: 'mise en situation', path: scenario }];
	const weights: DataWeight[] = [];
	for (const page of all) {
		const response = await fetch(`${origin}${page.path === '/' ? '' : page.path}/__data.json`, { headers: { cookie }, redirect: 'manual' });
		const body = await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${page.path}/__data.json : statut ${response.status}`);
		weights.push({ ...page, bytes: body.byteLength });
	}
	return weights;
}

export function printLoadData(engine: string, weights: DataWeight[]): void {
	console.log(`\n${engine} : données de chargement sérialisées (__data.json) des pages personnelles`);
	for (const { label, path, bytes } of weights) console.log(`  ${label.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} Ko  ${path}`);
}
