import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`Le dossier de données ${dataDir} est déjà utilisé par un autre processus Jalon (PID ${pid}). ` +
				`PGlite n'accepte qu'un seul processus : arrêtez l'autre instance, choisissez un autre ` +
				`dossier avec JALON_DATA_DIR, ou utilisez PostgreSQL avec DATABASE_URL.`
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the data folder for this process. PGlite opens its files without any locking of its
 * own, so two processes on one folder would corrupt it; a lock file with our PID prevents it,
 * and a lock left by a crashed process (PID no longer alive) is taken over.
 * Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockPath = path.join(dataDir, 'jalon.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
			return () => {
				try {
					if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
				} catch {
					// already gone: nothing to release
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(lockPath, 'utf8'));
			if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
				throw new DataDirLockedError(dataDir, holder);
			}
			fs.rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`Impossible de verrouiller le dossier de données ${dataDir}.`);
}
