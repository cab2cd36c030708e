import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser for end-to-end tests: CHROMIUM_PATH, else the system /usr/bin/chromium, else
 * Playwright's own Chromium (installed on first use where the machine can download it).
 * Returns undefined to let Playwright use its own build.
 */
export function resolveChromium(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const candidate of candidates) {
		if (candidate && fs.existsSync(candidate)) return candidate;
	}
	if (fs.existsSync(chromium.executablePath())) return undefined;
	try {
		execSync('npx -y playwright install chromium', { stdio: 'inherit', timeout: 300_000 });
		if (fs.existsSync(chromium.executablePath())) return undefined;
	} catch {
		// fall through to the message below
	}
	console.error(
		'Aucun navigateur Chromium pour les tests de bout en bout : installez-en un (Debian : apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.'
	);
	process.exit(1);
}
