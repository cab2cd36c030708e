import { defineConfig } from '@playwright/test';
import { resolveChromium } from './tests/e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.JALON_TEST_REPORT_DIR
		? [['list'], ['json', { outputFile: `${process.env.JALON_TEST_REPORT_DIR}/playwright.json` }]]
		: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'fr-FR',
		launchOptions: {
			executablePath: resolveChromium(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// A fresh database for the run: PGlite in a temporary folder, or a new PostgreSQL
		// database when TEST_DATABASE_URL is set.
		command: 'node tests/e2e/support/serve.mjs',
		url: `http://127.0.0.1:${port}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: { PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` }
	}
});
