import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../support/accounts';

// `npm start` as a new user (and a process manager) runs it: builds quietly into folders of
// its own (JALON_BUILD_DIR / JALON_KIT_DIR, so the shared e2e build is left alone), prints the
// address and the demo accounts last, and stops on SIGTERM with the port freed.
let nextPort = Number(process.env.E2E_PORT ?? 4317) + 200;

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
	});
}

function run(command: string, args: string[], env: Record<string, string>) {
	const child = spawn(command, args, { env: { ...process.env, DATABASE_URL: '', ORIGIN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

const lastLines = (text: string, n: number) => text.trimEnd().split('\n').slice(-n);

test('npm start: quiet build, address and the four demo accounts last at every start, SIGTERM stops it and frees the port', async () => {
	// Two builds-and-starts; slow on a loaded 2-core machine.
	test.setTimeout(600_000);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-npm-start-'));
	// Inside the project (the build resolves its imports from node_modules), git-ignored.
	const id = Math.random().toString(36).slice(2, 8);
	const env = {
		JALON_DATA_DIR: path.join(work, 'data'),
		JALON_BUILD_DIR: `.build-e2e-start-${id}`,
		JALON_KIT_DIR: `.svelte-kit-e2e-start-${id}`,
		PORT: String(nextPort++)
	};
	const expectedLast = [
		`Jalon est prêt : http://localhost:${env.PORT}`,
		'',
		expect.stringContaining('Comptes de démonstration'),
		...Object.values(DEMO_ACCOUNTS).map((account) => expect.stringMatching(new RegExp(`${account.email}\\s+mot de passe : ${account.password}$`)))
	];
	try {
		// The first start builds (`npm start`); the second serves that build (`npm run serve`).
		for (const [round, args] of [['first', ['start']], ['second', ['run', 'serve']]] as const) {
			const server = run('npm', [...args], env);
			let gone = false;
			void server.exited.then(() => (gone = true));
			await expect
				.poll(() => (gone ? `arrêté : ${server.stdout()}\n${server.stderr()}` : server.stdout()), { timeout: 280_000 })
				.toContain(DEMO_ACCOUNTS.admin.password);
			const output = server.stdout();
			expect(lastLines(output, expectedLast.length), `${round} start`).toEqual(expectedLast);
			// Quiet: no asset list, plugin timings or « Run npm run preview ».
			expect(output.split('\n').length, output).toBeLessThan(25);
			expect(output).not.toMatch(/npm run preview|PLUGIN_TIMINGS|\.js\s+\d/);
			expect((await fetch(`http://localhost:${env.PORT}/healthz`)).status).toBe(200);

			// What a process manager does: SIGTERM to the process it started, npm itself.
			server.child.kill('SIGTERM');
			const { code, signal } = await server.exited;
			expect(code === 0 || signal === 'SIGTERM', `code ${code}, signal ${signal}`).toBe(true);
			await expect.poll(() => portIsFree(Number(env.PORT)), { timeout: 15_000 }).toBe(true);
		}
	} finally {
		for (const dir of [work, env.JALON_BUILD_DIR, env.JALON_KIT_DIR]) fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('the server itself exits 0 on SIGTERM and on SIGINT, its database closed', async () => {
	test.setTimeout(240_000);
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-signal-'));
		const port = String(nextPort++);
		const server = run(process.execPath, ['src/cli/server.js'], { JALON_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' });
		try {
			await expect.poll(() => server.stdout(), { timeout: 120_000 }).toContain('Jalon est prêt');
			server.child.kill(signal);
			expect((await server.exited).code, signal).toBe(0);
			expect(server.stdout()).toContain('base de données fermée');
			expect(await portIsFree(Number(port))).toBe(true);
		} finally {
			server.child.kill('SIGKILL');
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	}
});

test('a busy port: one French line naming the port and the PORT setting, exit code 1, the database untouched', async () => {
	test.setTimeout(60_000);
	const port = nextPort++;
	const squatter = net.createServer();
	await new Promise<void>((resolve) => squatter.listen(port, '0.0.0.0', resolve));
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-busy-'));
	try {
		const server = run(process.execPath, ['src/cli/start.js'], { JALON_DATA_DIR: dataDir, PORT: String(port) });
		expect((await server.exited).code).toBe(1);
		const lines = server.stderr().trim().split('\n');
		expect(lines).toEqual([`[jalon] Le port ${port} est déjà utilisé par un autre programme : arrêtez-le, ou choisissez un autre port avec la variable PORT (par exemple PORT=${port + 1}).`]);
		expect(server.stdout()).not.toContain('Jalon est prêt');
		expect(server.stdout()).not.toContain('base de données');
	} finally {
		squatter.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});
