import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * `.br` and `.gz` beside every large compressible file of the built site, for servers that send
 * a precompressed file as is (nginx `gzip_static on;` / `brotli_static on;`, IIS static
 * compression): the 34 MB engine becomes ~5 MB on the wire without the server compressing it on
 * every request.
 */
export const COMPRESSIBLE = /\.(wasm|js|mjs|css|json|html|svg)$/;
/** Below this a response fits a few packets anyway and the extra files are clutter. */
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface Compressed {
	file: string;
	bytes: number;
	br?: number;
	gz?: number;
}

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else if (entry.isFile()) yield path;
	}
}

const encoders = {
	// max quality and the largest window: compressed once per content, served many times
	br: (b: Buffer) =>
		brotli(b, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
				[constants.BROTLI_PARAM_SIZE_HINT]: b.length
			}
		}),
	gz: (b: Buffer) => gz(b, { level: 9 })
};

/**
 * Compresses the files of `dir` (sub-folders in `skip`, relative to `dir`, excluded). Brotli at
 * quality 11 takes about 3 minutes for the engine's wasm, which never changes between builds: a
 * result is kept in `cacheDir` under the sha256 of its input, and entries this run did not use
 * are removed.
 */
export async function precompressDir(
	dir: string,
	options: { cacheDir?: string; skip?: string[] } = {}
): Promise<Compressed[]> {
	const { cacheDir, skip = [] } = options;
	const used = new Set<string>();
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const jobs: Promise<Compressed>[] = [];
	for (const path of walk(dir)) {
		const rel = relative(dir, path).split('\\').join('/');
		if (skip.some((s) => rel === s || rel.startsWith(s + '/'))) continue;
		if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
		jobs.push(
			(async () => {
				const input = readFileSync(path);
				const hash = createHash('sha256').update(input).digest('hex');
				const out: Compressed = { file: rel, bytes: input.length };
				for (const ext of ['br', 'gz'] as const) {
					const cached = cacheDir && join(cacheDir, `${hash}.${ext}`);
					if (cached) used.add(cached);
					const packed =
						cached && existsSync(cached) ? readFileSync(cached) : await encoders[ext](input);
					if (cached && !existsSync(cached)) writeFileSync(cached, packed);
					// a file that does not shrink is served as it is
					if (packed.length >= input.length) rmSync(`${path}.${ext}`, { force: true });
					else {
						writeFileSync(`${path}.${ext}`, packed);
						out[ext] = packed.length;
					}
				}
				return out;
			})()
		);
	}
	const done = await Promise.all(jobs);
	if (cacheDir)
		for (const name of readdirSync(cacheDir))
			if (!used.has(join(cacheDir, name))) rmSync(join(cacheDir, name), { force: true });
	return done;
}

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
