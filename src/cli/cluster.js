// One instance per core on one machine: `node src/cli/cluster.js` (npm run start:cluster),
// beside build/, on PostgreSQL. The primary process forks JALON_WORKERS workers (default:
// one per core), each running the ordinary server entry (src/cli/server.js); Node's cluster
// module shares the one listening port between them. Nothing that matters lives in a
// worker's memory (README, « Plusieurs instances »), so any worker may answer any request.
// SIGTERM (what a process manager sends) is passed on to every worker, which finishes its
// requests and closes its database. Ctrl-C reaches the workers from the terminal itself (one
// process group): passing SIGINT on too would be their second signal, which means « stop
// now ». A worker that dies unasked is replaced.
import cluster from 'node:cluster';
import os from 'node:os';

if (cluster.isPrimary) {
	if (!process.env.DATABASE_URL?.trim()) {
		console.error('[jalon] une instance par cœur demande PostgreSQL (DATABASE_URL) : la base intégrée (PGlite) n’accepte qu’un processus.');
		process.exit(1);
	}
	const port = process.env.PORT || '3000';
	process.env.PORT = port;
	// As npm start does: without ORIGIN the adapter assumes https and refuses local form posts.
	process.env.ORIGIN ||= `http://localhost:${port}`;
	const count = Math.max(1, Number(process.env.JALON_WORKERS) || os.availableParallelism());
	let stopping = false;
	console.log(`[jalon] ${count} instance${count > 1 ? 's' : ''} sur le port ${port} (une par cœur)`);
	for (let i = 0; i < count; i++) cluster.fork();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		console.error(`[jalon] une instance s’est arrêtée (${signal ?? `code ${code}`}) : elle est relancée.`);
		// A worker that cannot start (busy port, unreachable database) would loop: stop instead.
		if (code === 1) {
			console.error('[jalon] échec au démarrage d’une instance : arrêt.');
			stopping = true;
			for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
			process.exitCode = 1;
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
			return;
		}
		cluster.fork();
	});
	process.on('SIGTERM', () => {
		if (stopping) process.exit(1);
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
	});
	process.on('SIGINT', () => {
		if (stopping) process.exit(1);
		stopping = true;
	});
} else {
	// The channel to the primary must not keep a stopped worker alive: once its server is
	// closed and its database too, the worker exits, as a lone instance does.
	process.once(/** @type {any} */ ('sveltekit:shutdown'), () => process.channel?.unref());
	await import('./server.js');
}
