// npm start (`--build`) and npm run serve: build quietly if asked, then run the server in THIS
// process (src/cli/server.js), so the process a process manager signals is the server itself.
// The Node adapter takes the site's origin from ORIGIN and otherwise assumes https, which
// would make every form post from http://localhost fail the origin check; a local start
// therefore defaults ORIGIN to the address it prints.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const port = process.env.PORT || '3000';
process.env.PORT = port;
process.env.ORIGIN ||= `http://localhost:${port}`;

if (process.argv.includes('--build')) await build();
await import('./server.js');

/**
 * Runs `vite build` with its output kept aside: shown only if the build fails, so that the
 * last lines of a start are the address and the demo accounts.
 */
async function build() {
	console.log('[jalon] construction de l’application (1 à 2 minutes la première fois)…');
	const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		child.kill(signal);
		process.exit(1);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	const code = await new Promise((resolve) => child.once('exit', resolve));
	process.off('SIGTERM', stop);
	process.off('SIGINT', stop);
	if (code !== 0) {
		console.error(output);
		console.error('[jalon] la construction a échoué (messages ci-dessus) : Jalon ne démarre pas.');
		process.exit(1);
	}
}
