import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
		// Each integration file opens its own database; PGlite start-up takes a few seconds.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		server: { deps: { inline: ['kysely'] } }
	}
});
