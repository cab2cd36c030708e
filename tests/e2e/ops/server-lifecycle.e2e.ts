import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createPostgresDatabase } from '../../helpers/postgres';

// These tests start servers of their own (not the shared e2e server) to stop their database,
// send them signals and open a second process on one data folder.
const buildDir = path.resolve(process.env.JALON_BUILD_DIR || 'build');
let nextPort = Number(process.env.E2E_PORT ?? 4317) + 100;

interface Server {
	process: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Server {
	const port = nextPort++;
	const child = spawn(process.execPath, [path.join(buildDir, 'index.js')], {
		env: { ...process.env, DATABASE_URL: '', JALON_DATA_DIR: '', ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { process: child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

// A first start on a new database migrates, loads the content and (on PGlite) creates the demo data.
async function waitForHealth(server: Server, timeoutMs = 75_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		try {
			if ((await fetch(`${server.url}/healthz`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`le serveur n'a pas démarré :\n${server.output()}`);
}

/** A TCP relay to PostgreSQL that can be cut, to see the app lose its database. */
function startRelay(target: { host: string; port: number }): Promise<{ port: number; cut: () => void }> {
	const sockets = new Set<net.Socket>();
	const relay = net.createServer((client) => {
		const upstream = net.connect(target.port, target.host);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => socket.destroy());
		}
		client.pipe(upstream).pipe(client);
	});
	return new Promise((resolve) =>
		relay.listen(0, '127.0.0.1', () => {
			resolve({
				port: (relay.address() as net.AddressInfo).port,
				cut: () => {
					relay.close();
					for (const socket of sockets) socket.destroy();
				}
			});
		})
	);
}

test.describe('PostgreSQL', () => {
	test.skip(!process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL non défini');

	test('healthz answers 503 without a stack trace when PostgreSQL is unreachable', async () => {
		test.setTimeout(90_000);
		const database = await createPostgresDatabase('jalon_ops');
		const url = new URL(database.url);
		const relay = await startRelay({ host: url.hostname, port: Number(url.port || 5432) });
		url.host = `127.0.0.1:${relay.port}`;
		const server = startServer({ DATABASE_URL: url.toString() });
		try {
			await waitForHealth(server);
			relay.cut();
			const response = await fetch(`${server.url}/healthz`);
			expect(response.status).toBe(503);
			const body = await response.text();
			expect(JSON.parse(body)).toMatchObject({ status: 'indisponible' });
			expect(body).not.toMatch(/Error|at .*\(|ECONNREFUSED/);
		} finally {
			server.process.kill('SIGTERM');
			await server.exited;
			await database.drop();
		}
	});
});

test.describe('embedded PGlite', () => {
	test('a second process on the same data folder is refused with a French message', async () => {
		test.setTimeout(90_000);
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-lock-'));
		// No demo data: these tests are about the data folder, not what is in it.
		const first = startServer({ JALON_DATA_DIR: dataDir, JALON_DEMO: '0' });
		try {
			await waitForHealth(first);
			const second = startServer({ JALON_DATA_DIR: dataDir, JALON_DEMO: '0' });
			expect(await second.exited).toBe(1);
			expect(second.output()).toContain('est déjà utilisé par un autre processus Jalon');
		} finally {
			first.process.kill('SIGTERM');
			await first.exited;
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});

	// Requests in flight at SIGTERM are left to finish by the Node adapter itself (it closes the
	// listener, then idle connections, then emits sveltekit:shutdown); this checks our part.
	test('SIGTERM closes the database, releases the data folder and exits cleanly', async () => {
		test.setTimeout(90_000);
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-stop-'));
		const server = startServer({ JALON_DATA_DIR: dataDir, JALON_DEMO: '0' });
		try {
			await waitForHealth(server);
			expect((await fetch(`${server.url}/referentiels/tci`)).status).toBe(200);
			server.process.kill('SIGTERM');
			expect(await server.exited).toBe(0);
			expect(server.output()).toContain('base de données fermée');
			// The lock is released: the folder can be opened again.
			expect(fs.existsSync(path.join(dataDir, 'jalon.lock'))).toBe(false);
		} finally {
			server.process.kill('SIGKILL');
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

test.describe('npm start', () => {
	test('a local start accepts form posts from the address it prints', async () => {
		test.setTimeout(120_000);
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-start-'));
		const port = nextPort++;
		const child = spawn(process.execPath, ['src/cli/start.js'], {
			env: { ...process.env, DATABASE_URL: '', ORIGIN: '', JALON_DATA_DIR: dataDir, PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			await expect.poll(() => output, { timeout: 80_000 }).toContain(`Jalon est prêt : http://localhost:${port}`);
			// The demo candidate logs in with a plain form post, as a browser on localhost would.
			const response = await fetch(`http://localhost:${port}/connexion`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: `http://localhost:${port}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: 'email=candidat%40demo.jalon.fr&password=demo-jalon-candidat'
			});
			expect(response.status).toBe(303);
		} finally {
			child.kill('SIGTERM');
			await exited;
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
