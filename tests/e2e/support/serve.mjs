// Starts the built app for the end-to-end tests on a database of its own, then removes it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const cleanups = [];
// Reset links are read from the local outbox page (/dev/outbox), which exists only with this.
process.env.JALON_DEV_OUTBOX = '1';
const adminUrl = process.env.TEST_DATABASE_URL;

if (adminUrl) {
	const name = `jalon_e2e_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
	// Demo accounts are created on PostgreSQL only when asked; the journeys rely on them.
	process.env.JALON_DEMO = '1';
	cleanups.push(async () => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		await client.query(`drop database if exists "${name}" with (force)`);
		await client.end();
	});
} else {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-e2e-'));
	process.env.JALON_DATA_DIR = dir;
	cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
}

process.once('sveltekit:shutdown', async () => {
	// Give the database a moment to close before its folder or database is removed.
	setTimeout(async () => {
		for (const cleanup of cleanups) await cleanup().catch(() => {});
		process.exit(0);
	}, 300);
});

// The app's own server entry: security headers on every response, clean SIGTERM.
await import(path.resolve('src/cli/server.js'));
