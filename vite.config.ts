import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
		// Each integration file opens its own database; PGlite start-up takes a few seconds.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		server: { deps: { inline: ['kysely'] } },
		// CI collects a JSON report beside the usual output to print one summary line.
		reporters: process.env.JALON_TEST_REPORT_DIR ? ['default', 'json'] : ['default'],
		outputFile: process.env.JALON_TEST_REPORT_DIR
			? { json: `${process.env.JALON_TEST_REPORT_DIR}/vitest.json` }
			: undefined
	}
});
