// Starts the built app (<buildDir>/index.js) on a free loopback port and stops it.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface RunningApp {
	origin: string;
	stop(): Promise<void>;
}

export type DatabaseEnv = { DATABASE_URL: string } | { JALON_DATA_DIR: string };

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('pas de port libre'))));
		});
	});
}

/** The app on exactly the database given (migrated at start), once /healthz answers. */
export async function startApp(buildDir: string, database: DatabaseEnv): Promise<RunningApp> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, ...database, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production', JALON_DEMO: '0' };
	// A DATABASE_URL inherited from the shell would silently win over the PGlite folder.
	if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
	// stdout (one log line per request) is dropped: writing 2 000 lines is not what we measure.
	const child = spawn(process.execPath, [path.join(buildDir, 'index.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`l'application s'est arrêtée au démarrage :\n${stderr}`);
		if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`l'application ne répond pas sur ${origin}/healthz :\n${stderr}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		origin,
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}
