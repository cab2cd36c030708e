// The HTTP server of the built app (what `npm start` runs, and what a deployment runs:
// `node src/cli/server.js` beside build/). It replaces the Node adapter's build/index.js for
// three reasons: security headers go on every response, static assets and the framework's
// own refusals included; the port is bound BEFORE the app opens its database, so a busy port
// is one French line and exit code 1; and SIGTERM/SIGINT end the process cleanly (requests
// in flight finish, then `sveltekit:shutdown` lets the app stop its workers and close the
// database). Settings: PORT, HOST, SHUTDOWN_TIMEOUT, JALON_BUILD_DIR, and the adapter's own
// (ORIGIN, PROTOCOL_HEADER, HOST_HEADER, ADDRESS_HEADER, XFF_DEPTH, BODY_SIZE_LIMIT).
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECURITY_HEADERS } from '../lib/server/auth/security-header-values.js';
import { guardBody, UPLOAD_BODY_LIMIT } from './body-limit.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000;
const buildDir = path.resolve(process.env.JALON_BUILD_DIR || 'build');
// The adapter's one body limit is the upload routes' (body-limit.js holds every other route to 512 KB).
process.env.BODY_SIZE_LIMIT ||= String(UPLOAD_BODY_LIMIT);
// An empty ORIGIN is no ORIGIN (the adapter would refuse it).
if (!process.env.ORIGIN?.trim()) delete process.env.ORIGIN;
const address = process.env.ORIGIN || `http://localhost:${port}`;

// Tells the app (src/lib/server/startup.ts) to leave its closing lines to us.
const notesKey = Symbol.for('jalon.startupNotes');
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('jalon.serverEntry')] = true;

/** @type {Promise<import('node:http').RequestListener & ((req: any, res: any, next: () => void) => void)> | null} */
let app = null;
let stopping = false;

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	// Caching, by default: keep a copy but ask again each time (the ETag makes that a 304),
	// so a content update shows on the next visit. The prerendered public pages and the
	// files of static/ keep this; hashed assets (_app/immutable) are replaced with a year,
	// immutable; pages of a signed-in user with `private, no-store` (security-headers.ts).
	res.setHeader('cache-control', 'no-cache');
	if (!app) {
		res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end('Jalon démarre, réessayez dans un instant.\n');
		return;
	}
	const ready = app;
	guardBody(req, res, (checked) =>
		ready.then((handler) =>
			handler(checked, res, () => {
				res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Page introuvable.\n');
			})
		)
	);
});

server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
	if (error.code === 'EADDRINUSE') {
		console.error(`[jalon] Le port ${port} est déjà utilisé par un autre programme : arrêtez-le, ou choisissez un autre port avec la variable PORT (par exemple PORT=${port + 1}).`);
	} else if (error.code === 'EACCES') {
		console.error(`[jalon] Le port ${port} demande des droits que Jalon n’a pas : choisissez un port au-dessus de 1024 avec la variable PORT.`);
	} else {
		console.error(`[jalon] Impossible d’écouter sur ${host}:${port} : ${error.message}`);
	}
	process.exit(1);
});

/** @param {'SIGTERM' | 'SIGINT'} signal */
function shutdown(signal) {
	if (stopping) {
		// A second signal: stop now.
		process.exit(1);
	}
	stopping = true;
	console.log(`[jalon] arrêt demandé (${signal}) : fin des requêtes en cours…`);
	server.closeIdleConnections();
	server.close(() => {
		// The app stops its workers and closes its database on this event (startup.ts).
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal);
		// Nothing should keep the process alive after that; if something does, leave anyway.
		setTimeout(() => process.exit(0), 10_000).unref();
	});
	setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
server.on('request', (req) => {
	// During shutdown, let keep-alive connections go as soon as their request is answered.
	if (stopping) req.on('close', () => server.closeIdleConnections());
});

// A lone instance binds its port first: a busy port is then one clear line before anything
// else. A worker of src/cli/cluster.js shares a port other workers may already serve: it
// listens only once ready, or the primary would hand it requests to answer 503.
const listenEarly = !cluster.isWorker;
const listen = () => new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
if (listenEarly) {
	await listen();
	if (stopping) process.exit(0);
}

// Loading the handler runs the app's init hook: database, migrations, demo accounts.
const loading = import(pathToFileURL(path.join(buildDir, 'handler.js')).href).then((module) => module.handler);
await loading.catch((/** @type {Error} */ error) => {
	console.error(`[jalon] démarrage impossible (${buildDir}) : ${error.message}`);
	process.exit(1);
});
await warmRoutes();
app = loading;
if (!listenEarly) await listen();

/**
 * SvelteKit loads each route's modules (its server load and its component) on the route's
 * first request: load them all now, so the first request after « prêt » costs what the
 * second does. The manifest imports these very files, so they are the same module instances.
 */
async function warmRoutes() {
	const nodesDir = path.join(buildDir, 'server', 'chunks', 'nodes');
	if (!fs.existsSync(nodesDir)) return;
	for (const file of fs.readdirSync(nodesDir).filter((name) => name.endsWith('.js'))) {
		try {
			const node = await import(pathToFileURL(path.join(nodesDir, file)).href);
			if (typeof node.component === 'function') await node.component();
		} catch (error) {
			console.warn(`[jalon] préchargement de ${file} impossible : ${/** @type {Error} */ (error).message}`);
		}
	}
}

const notes = /** @type {string[] | undefined} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[notesKey]) ?? [];
console.log(`\nJalon est prêt : ${address}${notes.length ? '\n' : ''}`);
for (const line of notes) console.log(line);
