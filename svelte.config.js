import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
