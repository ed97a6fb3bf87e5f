// The floor of `npm run bench:browser`: bare pages served beside the site from the same build,
// timed in the same Chromium, interleaved with the site's cold loads. What no site can beat:
//   wasm   — fetch + compile the engine's wasm (WebAssembly.compileStreaming)
//   duckdb — AsyncDuckDB with the same worker and wasm files, then SELECT 1 (DuckDB's own start)
//   worker — the same, through the site's own engine worker (duckdb-module-worker.ts): the
//            site's engine with no app beside it
//   json   — fetch + parse the precomputed first results (the first number's data)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export type FloorKind = 'wasm' | 'duckdb' | 'worker' | 'json';

/** Writes floor/*.html (and the bundled AsyncDuckDB page) into a deployed site; returns paths. */
export async function writeFloorPages(site: string): Promise<Record<FloorKind, string>> {
	const assets = join(site, '_app/immutable/assets');
	const named = (re: RegExp) => {
		const file = readdirSync(assets).find((f) => re.test(f));
		if (!file) throw new Error(`no ${re} in ${assets}`);
		return `../_app/immutable/assets/${file}`;
	};
	const wasm = named(/^duckdb-eh\.[^.]+\.wasm$/);
	const worker = named(/^duckdb-browser-eh\.worker\.[^.]+\.js$/);
	const workers = join(site, '_app/immutable/workers');
	const own = readdirSync(workers).find((f) => /^duckdb-module-worker-[^.]+\.js$/.test(f));
	if (!own) throw new Error(`no duckdb-module-worker in ${workers}`);
	const script = `../_app/immutable/workers/${own}`;
	const manifest = JSON.parse(readFileSync(join(site, 'data/manifest.json'), 'utf8'));
	const json = `../data/${manifest.precomputed.file}`;
	const dir = join(site, 'floor');
	mkdirSync(dir, { recursive: true });
	for (const name of ['duckdb', 'worker'])
		await build({
			configFile: false,
			logLevel: 'warn',
			build: {
				outDir: dir,
				emptyOutDir: false,
				minify: true,
				lib: {
					entry: join(import.meta.dirname, `floor/${name}-page.ts`),
					formats: ['es'],
					fileName: () => `${name}.js`
				}
			}
		});
	// performance.now() at the mark counts from navigation start, as the site's own marks do
	const page = (script: string) =>
		`<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body>${script}</body></html>\n`;
	writeFileSync(
		join(dir, 'wasm.html'),
		page(
			`<script>WebAssembly.compileStreaming(fetch(${JSON.stringify(wasm)})).then(() => performance.mark('floor:done'))</script>`
		)
	);
	writeFileSync(
		join(dir, 'json.html'),
		page(
			`<script>performance.mark('floor:start');fetch(${JSON.stringify(json)}).then((r) => r.json()).then(() => performance.mark('floor:done'))</script>`
		)
	);
	writeFileSync(join(dir, 'duckdb.html'), page(`<script type="module" src="duckdb.js"></script>`));
	writeFileSync(join(dir, 'worker.html'), page(`<script type="module" src="worker.js"></script>`));
	const q = `?wasm=${encodeURIComponent(wasm)}&worker=${encodeURIComponent(worker)}`;
	return {
		wasm: '/floor/wasm.html',
		duckdb: `/floor/duckdb.html${q}`,
		worker: `/floor/worker.html${q}&script=${encodeURIComponent(script)}`,
		json: '/floor/json.html'
	};
}
