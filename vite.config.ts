import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress.ts';
import { firstPaintChunk } from './scripts/first-paint-chunk.ts';

/**
 * parquet-wasm's init() falls back to `new URL('parquet_wasm_bg.wasm', import.meta.url)`, which
 * makes Vite emit the 5 MB decoder a second time with the worker bundle. Our worker is always
 * handed the module the page compiled (decoder.ts), so the fallback is dead code: replace it with
 * an error and the decoder ships once.
 */
function parquetWasmOnce(): Plugin {
	return {
		name: 'kaoping:parquet-wasm-once',
		transform(code, id) {
			if (!/parquet-wasm[\\/]esm[\\/]parquet_wasm\.js$/.test(id)) return null;
			const fallback = "new URL('parquet_wasm_bg.wasm', import.meta.url)";
			if (!code.includes(fallback))
				this.error(`parquet-wasm changed: "${fallback}" not found, the decoder would ship twice`);
			const thrown = `(() => { throw new Error('parquet-wasm: init() needs the compiled module'); })()`;
			return { code: code.replace(fallback, thrown), map: null };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), parquetWasmOnce(), precompress('build')],
	// worker bundles get their own plugin list (decode-worker.ts imports parquet-wasm)
	worker: { plugins: () => [parquetWasmOnce()] },
	// the browser's bundle only: the server build is run once, at prerender time
	environments: {
		client: {
			build: { rolldownOptions: { output: { codeSplitting: { groups: [firstPaintChunk()] } } } }
		}
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
	build: {
		// ECharts (~600 kB) is the one large chunk, and it loads lazily after the first numbers
		chunkSizeWarningLimit: 700,
		// the timing report is for bundler developers, not for a county running `npm start`
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
