import { randomBytes } from 'node:crypto';
import pg from 'pg';

// No import.meta.glob here: Playwright tests import this file too.

function adminUrl(): string {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('TEST_DATABASE_URL n’est pas défini.');
	return url;
}

/** Creates an empty PostgreSQL database of its own for one test file; returns its URL. */
export async function createPostgresDatabase(prefix = 'jalon_test'): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl() });
	await admin.connect();
	try {
		await admin.query(`create database "${name}"`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const client = new pg.Client({ connectionString: adminUrl() });
			await client.connect();
			try {
				await client.query(`drop database if exists "${name}" with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}

