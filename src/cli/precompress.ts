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
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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
	// the largest window: compressed once per content, served many times
	br: (b: Buffer, quality: number) =>
		brotli(b, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: quality,
				[constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
				[constants.BROTLI_PARAM_SIZE_HINT]: b.length
			}
		}),
	gz: (b: Buffer) => gz(b, { level: 9 })
};

export interface PrecompressOptions {
	/** Sub-folders (relative to the directory) left alone. */
	skip?: string[];
	/** Which files; default every COMPRESSIBLE one. */
	only?: RegExp;
	/** Brotli quality, default 11 (the maximum: about 3 minutes for the engine's 34 MB wasm). */
	brotliQuality?: number;
	/** Keeps each result under the sha256 of its input; entries this run did not use are removed. */
	cacheDir?: string;
}

/** Writes `x.br` and `x.gz` beside each large compressible file `x` of `dir` that they shrink. */
export async function precompressDir(
	dir: string,
	options: PrecompressOptions = {}
): Promise<Compressed[]> {
	const {
		cacheDir,
		skip = [],
		only = COMPRESSIBLE,
		brotliQuality = constants.BROTLI_MAX_QUALITY
	} = options;
	const used = new Set<string>();
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const jobs: Promise<Compressed>[] = [];
	for (const path of walk(dir)) {
		const rel = relative(dir, path).split('\\').join('/');
		if (skip.some((s) => rel === s || rel.startsWith(s + '/'))) continue;
		if (!only.test(path) || statSync(path).size < MIN_BYTES) continue;
		jobs.push(
			(async () => {
				const input = readFileSync(path);
				const hash = createHash('sha256').update(input).digest('hex');
				const out: Compressed = { file: rel, bytes: input.length };
				for (const ext of ['br', 'gz'] as const) {
					const cached =
						cacheDir && join(cacheDir, `${hash}.${ext}${ext === 'br' ? brotliQuality : ''}`);
					if (cached) used.add(cached);
					const packed =
						cached && existsSync(cached)
							? readFileSync(cached)
							: await encoders[ext](input, brotliQuality);
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
