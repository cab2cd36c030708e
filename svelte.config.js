import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// JALON_BUILD_DIR / JALON_KIT_DIR let two builds of one checkout run side by side.
		adapter: adapter({ out: process.env.JALON_BUILD_DIR || 'build', precompress: false }),
		outDir: process.env.JALON_KIT_DIR || '.svelte-kit',
		// SvelteKit's own Origin check answers in English plain text; the `refuseCrossSite`
		// handle (src/lib/server/auth/handles.ts) refuses the same requests, and any other
		// state-changing one, in French.
		csrf: { trustedOrigins: ['*'] },
		// The public pages (src/routes/(public)) are built as files from their own `entries`;
		// following their links would reach personal pages, which are never files.
		prerender: { crawl: false, entries: ['*'] },
		// No inline script may run unless SvelteKit hashed it: the CSP is the last line of
		// defence if sanitising user or authored markdown ever misses something.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
