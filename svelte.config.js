import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Relative asset paths let a county serve the built site from any sub-path of its intranet.
		paths: { relative: true },
		prerender: {
			// data/ is the county's extract set, dropped beside the built site at deploy time
			handleHttpError({ path, message }) {
				if (path.includes('/data/')) return;
				throw new Error(message);
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
