import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// src/boot.js is inlined into every page (src/hooks.server.ts): the CSP allows exactly its text.
const bootHash = createHash('sha256')
	.update(readFileSync(new URL('./src/boot.js', import.meta.url)))
	.digest('base64');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Relative asset paths let a county serve the built site from any sub-path of its intranet.
		paths: { relative: true },
		prerender: {
			// Every route is static. No crawling: links such as the preload of data/manifest.json point
			// at the county's extract set, dropped beside the built site at deploy time.
			crawl: false,
			entries: ['*']
		},
		// Self only, so that even a bug cannot make the site call out. Prerendered pages carry it as a
		// <meta> tag with the hashes of SvelteKit's inline boot script. 'wasm-unsafe-eval' compiles
		// DuckDB and the Parquet decoder; inline styles are Svelte's style="…" attributes and ECharts'.
		// A meta policy does not reach workers (their scripts need the server's header): README.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', `sha256-${bootHash}`],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		typescript: {
			config(tsconfig) {
				tsconfig.include.push(
					'../scripts/**/*.js',
					'../bin/**/*.js',
					'../vitest.browser.config.ts'
				);
				// Generated sites and benchmark inputs are not our source.
				tsconfig.exclude.push('../tests/output/**', '../bench/output/**');
			}
		}
	}
};

export default config;
