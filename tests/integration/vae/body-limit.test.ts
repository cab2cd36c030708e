import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardBody, SMALL_BODY_LIMIT } from '../../../src/cli/body-limit.js';

/** A real HTTP server with the guard in front of a handler that echoes the size it read. */
describe('the request body guard of src/cli/server.js', () => {
	let server: http.Server;
	let base: string;
	beforeAll(async () => {
		server = http.createServer((req, res) =>
			guardBody(req, res, async (checked: http.IncomingMessage) => {
				let size = 0;
				for await (const chunk of checked) size += (chunk as Buffer).length;
				res.writeHead(200, { 'content-type': 'text/plain' }).end(`${size} ${checked.headers['content-length'] ?? '-'}`);
			})
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	const UPLOAD = '/vae/tci/experiences/00000000-0000-4000-8000-000000000000/pieces?/attach';
	const body = (size: number) => new Uint8Array(size).fill(97);
	/** A body without Content-Length: sent chunked. */
	const chunked = (size: number) =>
		new ReadableStream({
			start(controller) {
				for (let sent = 0; sent < size; sent += 65536) controller.enqueue(body(Math.min(65536, size - sent)));
				controller.close();
			}
		});
	const post = (path: string, data: BodyInit) => fetch(`${base}${path}`, { method: 'POST', body: data, headers: { 'content-type': 'application/octet-stream' }, duplex: 'half' } as RequestInit);

	it('refuses a declared body over 512 KB outside the upload route, in French', async () => {
		const response = await post('/compte', body(SMALL_BODY_LIMIT + 1));
		expect(response.status).toBe(413);
		expect(await response.text()).toContain('trop volumineuse');
	});

	it('refuses a chunked body once it passes 512 KB, and hands a smaller one on whole', async () => {
		await expect(post('/compte', chunked(SMALL_BODY_LIMIT + 70_000)).then((r) => r.status)).resolves.toBe(413);
		const small = await post('/compte', chunked(200_000));
		expect(small.status).toBe(200);
		expect(await small.text()).toBe('200000 200000');
	});

	it('lets the upload route receive more, up to the adapter’s own limit', async () => {
		const response = await post(UPLOAD, body(3 * 1024 * 1024));
		expect(response.status).toBe(200);
		expect(await response.text()).toBe(`${3 * 1024 * 1024} ${3 * 1024 * 1024}`);
		expect((await post('/vae/tci/experiences/00000000-0000-4000-8000-000000000000/autre', body(SMALL_BODY_LIMIT + 1))).status).toBe(413);
	});

	it('lets a project’s upload route receive more too, and no other page of the project', async () => {
		const project = '/preparation/tci/projets/00000000-0000-4000-8000-000000000000';
		expect((await post(`${project}/pieces?/attach`, body(3 * 1024 * 1024))).status).toBe(200);
		expect((await post(`${project}?/update`, body(SMALL_BODY_LIMIT + 1))).status).toBe(413);
		expect((await post(`${project}/texte`, body(SMALL_BODY_LIMIT + 1))).status).toBe(413);
	});
});
