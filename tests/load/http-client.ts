// One simulated browser: a keep-alive connection of its own and a session cookie. Redirects are
// never followed: a call resolves once the whole answer (headers and body) has arrived, so
// timing a call times exactly one request.
import http from 'node:http';
import type { FormFields } from './answer-form';

export interface Reply {
	status: number;
	location: string | null;
	body: string;
}

export interface Client {
	get(path: string): Promise<Reply>;
	postForm(path: string, fields: FormFields): Promise<Reply>;
	close(): void;
}

/** A request that hangs this long fails instead of stalling the run. */
const REQUEST_TIMEOUT_MS = 30_000;

export function createClient(origin: string, sessionToken: string): Client {
	const base = new URL(origin);
	if (base.hostname !== '127.0.0.1') throw new Error('la charge ne vise que la boucle locale (127.0.0.1)');
	// One socket per candidate, like one browser tab: 20 candidates are 20 connections.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const cookie = `jalon_session=${sessionToken}`;

	const send = (method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> =>
		new Promise((resolve, reject) => {
			const headers: http.OutgoingHttpHeaders = { cookie, accept: 'text/html' };
			if (body !== undefined) {
				// SvelteKit refuses a form post whose Origin is not the app's own (CSRF).
				headers.origin = base.origin;
				headers['content-type'] = 'application/x-www-form-urlencoded';
				headers['content-length'] = Buffer.byteLength(body);
			}
			const request = http.request(new URL(path, base), { method, agent, headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						location: response.headers.location ?? null,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
			});
			request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`pas de réponse en ${REQUEST_TIMEOUT_MS / 1000} s`)));
			request.on('error', reject);
			request.end(body);
		});

	return {
		get: (path) => send('GET', path),
		postForm: (path, fields) => send('POST', path, new URLSearchParams(fields).toString()),
		close: () => agent.destroy()
	};
}
