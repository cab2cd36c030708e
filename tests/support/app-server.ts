// Starts the built app (<build folder>/index.js) on a given database and stops it: the
// benchmark and the load script both measure the real server this way.
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

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

export type DatabaseEnv = { DATABASE_URL: string } | { JALON_DATA_DIR: string };

export interface RunningApp {
	origin: string;
	/** CPU time the app's process has used so far, in ms (Linux /proc; null elsewhere). */
	cpuMs(): number | null;
	stop(): Promise<void>;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

function ownCpuMs(pid: number | string | undefined): number | null {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return null;
	}
}

/** The process's CPU time and its live children's (one instance per core: the workers). */
function processCpuMs(pid: number | undefined): number | null {
	const own = ownCpuMs(pid);
	if (own === null) return null;
	let children: string[] = [];
	try {
		children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
	} catch {
		// no children file: count the process alone
	}
	return children.reduce((total, child) => total + (ownCpuMs(child) ?? 0), own);
}

/**
 * The app on a free loopback port, with exactly the database variables given, started as a
 * deployment starts it: src/cli/server.js beside the build (JALON_APP_ENTRY=src/cli/cluster.js
 * for one instance per core).
 */
export async function startApp(database: DatabaseEnv, buildDir = process.env.JALON_BUILD_DIR || 'build', entryFile = process.env.JALON_APP_ENTRY || 'src/cli/server.js'): Promise<RunningApp> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, ...database, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production', JALON_DEMO: '0' };
	if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
	env.JALON_BUILD_DIR = path.resolve(buildDir);
	const entry = path.resolve(entryFile);
	const child = spawn(process.execPath, [...(process.env.JALON_APP_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), entry], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`l'application s'est arrêtée au démarrage :\n${stderr}`);
		const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
		if (ok) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`l'application ne répond pas sur ${origin}/healthz :\n${stderr}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		origin,
		cpuMs: () => processCpuMs(child.pid),
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}
