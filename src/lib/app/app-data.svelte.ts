import { configFromCompiled, type Config } from '../config';
import {
	SCHEMA_VERSION,
	type FileRef,
	type Manifest,
	type Precomputed,
	type VillageIndex
} from '../extract/schema';
import { sha256Hex } from './sha256';
import type { UnitRow, ViewQuery } from '../views/view-query';
import { warmupQueries, warmupUnitsQuery } from '../views/warmup';
import { dataUrl, fetchManifest } from './data-url';
import { bootFetch } from './boot-fetch';
import { BrowserTooOld } from '../engine/browser-too-old';
import { startCompile } from '../engine/engine-worker';

/** Why the site cannot show data: the page says which, and the command that fixes it. */
export type LoadError =
	| { kind: 'missing'; detail: string }
	| { kind: 'version'; found: number; expected: number }
	| { kind: 'config'; detail: string }
	/** `browser`: this browser cannot run the engine (retrying will not help). */
	| { kind: 'engine'; detail: string; browser: boolean }
	/** A file's bytes differ from the sha256 manifest.json lists: copied badly or altered. */
	| { kind: 'corrupt'; file: string; expected: string; found: string };

export interface Progress {
	loaded: number;
	total: number;
	label: string;
}

type Engine = import('../engine/engine').DataEngine;
type Rows = Record<string, unknown>[];

/** Answers kept for going back: a few hundred KB at most on the demo county. */
const RECENT_RESULTS = 64;

/**
 * The site's data: the manifest and configuration of the published set, the precomputed first
 * results, and the DuckDB-WASM engine that takes over once it has arrived. The engine and Arrow
 * are imported lazily so that the first numbers never wait for them.
 */
export class AppData {
	manifest = $state.raw<Manifest | null>(null);
	config = $state.raw<Config | null>(null);
	error = $state.raw<LoadError | null>(null);
	engineState = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	engineProgress = $state.raw<Progress | null>(null);
	dataProgress = $state.raw<Progress | null>(null);

	// a plain cache read on demand, not state anything renders from
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private precomputed = new Map<string, Rows>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- an LRU cache, not state
	private recent = new Map<string, Rows>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- queries in flight, not state
	private running = new Map<string, Promise<Rows>>();
	private engine: Promise<Engine> | null = null;
	private villages: Promise<VillageIndex> | null = null;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- warm-ups started, not state
	private warming = new Map<string, Promise<void>>();
	private started: Promise<void> | null = null;
	/**
	 * The other default views' precomputed results, until they are in `precomputed`: read (its
	 * ~1 MB decoded, hashed and parsed on the main thread) by the first query that misses the
	 * first results, or after the first content is on screen, whichever comes first.
	 */
	private more: (() => Promise<void>) | null = null;
	/** Whether the engine's worker has been told to compile (once is enough). */
	private compileAsked = false;

	/** Reads manifest, configuration and first results; then starts the engine in the background. */
	start(fetchImpl: typeof fetch = bootFetch()): Promise<void> {
		return (this.started ??= this.load(fetchImpl));
	}

	private async load(fetchImpl: typeof fetch): Promise<void> {
		// milestones of the first number for `npm run bench:browser`: app running, manifest, data
		performance.mark('kp:app-start');
		const res = await fetchManifest(fetchImpl).catch((e: Error) => e);
		if (res instanceof Error || !res.ok) {
			this.error = {
				kind: 'missing',
				detail: res instanceof Error ? res.message : `HTTP ${res.status}`
			};
			return;
		}
		let manifest: Manifest;
		try {
			manifest = (await res.json()) as Manifest;
		} catch (e) {
			this.error = { kind: 'missing', detail: `manifest.json: ${(e as Error).message}` };
			return;
		}
		performance.mark('kp:manifest');
		if (manifest.schema_version !== SCHEMA_VERSION) {
			this.error = { kind: 'version', found: manifest.schema_version, expected: SCHEMA_VERSION };
			return;
		}
		const json = async (ref: FileRef) =>
			JSON.parse(
				new TextDecoder().decode(
					await this.verified(ref, await bytesOf(fetchImpl, ref.file, manifest))
				)
			) as unknown;
		// precomputed results are only a head start: a missing or damaged file costs speed, not data
		const results = (ref: FileRef | undefined) =>
			ref
				? json(ref)
						.then((p) => (p as Precomputed).results)
						.catch(() => ({}))
				: Promise.resolve({});
		const keep = (found: Precomputed['results']) => {
			for (const [k, rows] of Object.entries(found)) this.precomputed.set(k, rows);
		};
		try {
			const [compiled, first] = await Promise.all([
				json(manifest.config.compiled),
				results(manifest.precomputed)
			]);
			performance.mark('kp:data');
			this.config = configFromCompiled(compiled, SCHEMA_VERSION);
			keep(first);
			// the other default views' results (~1 MB) are read after these: the overview's first
			// numbers do not wait for them, nor share the main thread with their parse (a query
			// that misses the first results reads them at once, in rows())
			let reading: Promise<void> | null = null;
			this.more = () => (reading ??= results(manifest.precomputed_more).then(keep));
		} catch (e) {
			if (!(e instanceof CorruptFile))
				this.error = { kind: 'config', detail: (e as Error).message };
			return;
		}
		this.manifest = manifest;
		// The engine's worker has been downloading the wasm since the first byte (boot.js); its
		// code on this page (~200 KB with Arrow) is loaded and run only after the first paint, so
		// it never delays it. A failure is recorded in `error` and shown; nothing else awaits this.
		void afterNextPaint().then(() => this.startEngine(fetchImpl).catch(() => {}));
	}

	private startEngine(fetchImpl: typeof fetch): Promise<Engine> {
		return (this.engine ??= (async () => {
			this.engineState = 'loading';
			try {
				const { createDataEngine } = await import('../engine/engine');
				const engine = createDataEngine({
					manifest: this.manifest!,
					fetchBytes: async (file, onBytes) => {
						const bytes = await bytesOf(fetchImpl, file, this.manifest!);
						onBytes?.(bytes.byteLength);
						const ref =
							this.manifest!.extracts.find((e) => e.file === file) ??
							(await this.villageIndex(fetchImpl)).extracts.find((e) => e.file === file);
						return ref ? this.verified(ref, bytes) : bytes;
					},
					fetchVillageIndex: () => this.villageIndex(fetchImpl),
					onProgress: (p) => {
						if (p.phase === 'engine') this.engineProgress = p;
						else this.dataProgress = p;
					}
				});
				await engine.ready;
				this.engineState = 'ready';
				// the first query on each table costs DuckDB-WASM up to a second: pay it now, while
				// the reader looks at the precomputed numbers, not on their first click
				void this.warmUp('loaded');
				return engine;
			} catch (e) {
				this.engineState = 'error';
				// a damaged file has said so already, by name
				if (!(e instanceof CorruptFile))
					this.error = {
						kind: 'engine',
						detail: (e as Error).message,
						browser: e instanceof BrowserTooOld
					};
				throw e;
			}
		})());
	}

	/** The village index (one file per township), fetched and verified once, when first needed. */
	private villageIndex(fetchImpl: typeof fetch): Promise<VillageIndex> {
		return (this.villages ??= (async () => {
			const ref = this.manifest!.villages;
			const bytes = await this.verified(ref, await bytesOf(fetchImpl, ref.file, this.manifest!));
			return JSON.parse(new TextDecoder().decode(bytes)) as VillageIndex;
		})().catch((e: unknown) => {
			this.villages = null;
			throw e;
		}));
	}

	/**
	 * Runs warm-up queries (views/warmup.ts) one at a time in idle moments, so that a click never
	 * waits behind them for long; their answers are kept like any other. `loaded` runs once the
	 * engine is ready; the trends page asks for `villages`. Marks `kp:warm-<part>` for the
	 * benchmark.
	 */
	warmUp(part: 'loaded' | 'villages'): Promise<void> {
		let started = this.warming.get(part);
		if (!started) {
			started = (async () => {
				try {
					await this.startEngine(fetch);
					const unitsQuery = warmupUnitsQuery(this.manifest!);
					const units = unitsQuery ? await this.rows<UnitRow>(unitsQuery) : [];
					for (const q of warmupQueries(this.config!, this.manifest!, units, part)) {
						await idle();
						await this.rows(q);
					}
					performance.mark(`kp:warm-${part}`);
				} catch {
					// only a head start: the view that needs the table will say what is wrong
				}
			})();
			this.warming.set(part, started);
		}
		return started;
	}

	/** The engine itself, for the SQL console (it opens its own closed connection). */
	engineForConsole(): Promise<Engine> {
		this.compileNow();
		return this.startEngine(fetch);
	}

	/**
	 * The page has drawn its first content (the overview's numbers, the trends chart, the
	 * ranking): the engine's worker may compile the wasm now. Compiling 34 MB takes every core for
	 * a few hundred ms; on this machine's two cores, done beside the trends page's first chart, it
	 * delayed that chart by ~150 ms. A page whose first content needs the engine lets it compile
	 * with its first query (run()); a page that says neither, 1.5 s after the worker started.
	 * The other default views' precomputed results are read in the frame after, if no query has
	 * asked for them yet.
	 */
	firstContentShown(): void {
		this.compileNow();
		const more = this.more;
		if (more) void afterNextPaint().then(more);
	}

	private compileNow(): void {
		if (this.compileAsked) return;
		this.compileAsked = true;
		startCompile();
	}

	/**
	 * Rows of a view query: precomputed when the CLI shipped them, else from DuckDB. Recent answers
	 * are kept (the data cannot change while the page is open), so going back costs no query, and
	 * a query already running is joined rather than run twice.
	 */
	rows<T = Record<string, unknown>>(q: ViewQuery): Promise<T[]> {
		const known = this.precomputed.get(q.key) ?? this.recent.get(q.key);
		if (known) return Promise.resolve(known as T[]);
		// the other default views' precomputed results may still be on their way
		if (this.more)
			return this.more().then(() => {
				this.more = null;
				return this.rows<T>(q);
			});
		let running = this.running.get(q.key);
		if (!running) {
			running = this.run(q).finally(() => this.running.delete(q.key));
			this.running.set(q.key, running);
		}
		return running as Promise<T[]>;
	}

	private async run(q: ViewQuery): Promise<Rows> {
		this.compileNow();
		const engine = await this.startEngine(fetch);
		await engine.ensure(q.need);
		const [{ rowsOf }, table] = await Promise.all([
			import('../connector/types'),
			engine.query(q.sql)
		]);
		const rows = rowsOf<Record<string, unknown>>(table);
		this.remember(q.key, rows);
		return rows;
	}

	/**
	 * The bytes, if their sha256 is the one manifest.json lists; otherwise the site stops with a
	 * page naming the file (no number is drawn from a damaged file).
	 */
	private async verified(ref: FileRef, bytes: ArrayBuffer): Promise<ArrayBuffer> {
		const found = await sha256Hex(bytes);
		if (found === ref.sha256) return bytes;
		this.error = { kind: 'corrupt', file: ref.file, expected: ref.sha256, found };
		throw new CorruptFile(ref.file);
	}

	private remember(key: string, rows: Rows): void {
		this.recent.delete(key);
		this.recent.set(key, rows);
		if (this.recent.size > RECENT_RESULTS) this.recent.delete(this.recent.keys().next().value!);
	}
}

class CorruptFile extends Error {
	constructor(readonly file: string) {
		super(`${file}: sha256 differs from manifest.json`);
	}
}

async function bytesOf(
	fetchImpl: typeof fetch,
	file: string,
	manifest: Manifest
): Promise<ArrayBuffer> {
	const r = await fetchImpl(dataUrl(file, manifest));
	if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
	return r.arrayBuffer();
}

/** Just after the browser has painted what the page holds now. */
function afterNextPaint(): Promise<void> {
	return new Promise((ok) =>
		typeof requestAnimationFrame === 'function'
			? requestAnimationFrame(() => setTimeout(ok, 0))
			: setTimeout(ok, 0)
	);
}

/** An idle moment of the main thread (at most 500 ms away): the warm-up yields to the reader. */
function idle(): Promise<void> {
	return new Promise((ok) =>
		typeof requestIdleCallback === 'function'
			? requestIdleCallback(() => ok(), { timeout: 500 })
			: setTimeout(ok, 0)
	);
}

export const appData = new AppData();
