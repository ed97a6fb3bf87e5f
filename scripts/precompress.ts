import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { precompressDir } from '../src/cli/precompress.ts';

/** Vite plugin: precompresses SvelteKit's output once the adapter has written `outDir`. */
export function precompress(outDir: string): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'kaoping:precompress',
		apply: 'build',
		configResolved(c) {
			config = c;
		},
		closeBundle: {
			// after SvelteKit's own closeBundle, which runs the adapter (the outer, SSR build)
			order: 'post',
			sequential: true,
			async handler() {
				if (!config.build.ssr) return;
				const t0 = Date.now();
				const dir = resolve(config.root, outDir);
				const files = await precompressDir(dir, {
					cacheDir: resolve(config.root, '.cache/precompress'),
					// data/ is the county's extract set, replaced monthly without a site build
					skip: ['data']
				});
				const sum = (k: 'bytes' | 'br' | 'gz') =>
					files.reduce((s, f) => s + (f[k] ?? f.bytes), 0) / 1e6;
				config.logger.info(
					`precompressed ${files.length} files in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
						`${sum('bytes').toFixed(1)} MB → ${sum('br').toFixed(1)} MB br, ${sum('gz').toFixed(1)} MB gz`
				);
			}
		}
	};
}
