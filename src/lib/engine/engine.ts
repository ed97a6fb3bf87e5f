import type { Table } from 'apache-arrow';
import { rowsOf } from '../connector/types';
import {
	SCHEMA_VERSION,
	withVillageIndex,
	type ExtractEntry,
	type Manifest,
	type VillageIndex
} from '../extract/schema';
import type { ConsoleConnection } from '../sql/closed';
import { ident } from '../sql/quote';
import { decodeParquetTimed, prefetchDecoder, warmDecoder } from './decoder';
import {
	ALWAYS_NEEDED,
	entryKey,
	LOADED_AFTER_READY,
	needsVillages,
	planLoad,
	type TableNeed
} from './plan';
import {
	createWasmConnector,
	ENGINE_START,
	type EngineProgress,
	type WasmConnector
} from './wasm-connector';

export type { EngineProgress } from './wasm-connector';
export type { TableNeed } from './plan';

export interface EngineStatus {
	engine: 'loading' | 'ready' | 'error';
	/** Rows per table as counted in DuckDB after each insert. */
	tables: Record<string, number>;
	/** Townships whose village_month rows are loaded. */
	townships: string[];
	error?: string;
}

export interface DataEngine {
	/** Engine compiled and the always-needed tables inserted. */
	ready: Promise<void>;
	/**
	 * `ready`, then every table but village_month inserted (loaded after ready unasked; asked again
	 * here if that failed): what a list of all tables needs.
	 */
	allTables(): Promise<void>;
	/** Loads what `need` lacks; a file asked for twice, even concurrently, is fetched once. */
	ensure(need: TableNeed): Promise<void>;
	/** Waits for `ready`. Tables not loaded yet (village_month before any ensure) do not exist. */
	query(sql: string): Promise<Table>;
	/** The village files (one per township), from the village index fetched on first need. */
	villageFiles(): Promise<ExtractEntry[]>;
	/** A separate, closed connection for analysts' SQL, once `ready`. */
	openConsole(): Promise<ConsoleConnection>;
	status(): EngineStatus;
	/** Milestones in ms since navigation start: engine_start, engine_downloaded, engine_ready,
	 * first_table, ready, tables_in, and `inserted:<key>` per file (key: table, or
	 * `village_month:<township>`). */
	timings: Record<string, number>;
	/** Time spent per file: `fetch:<key>`, `decode:<key>` (in the worker), `insert:<key>`;
	 * `ensure:<keys>` for each ensure() that loaded something. */
	durations: Record<string, number>;
}

export interface DataEngineOptions {
	manifest: Manifest;
	/** Bytes of a file of the extract set, by its manifest path; `onBytes` gets bytes so far. */
	fetchBytes(file: string, onBytes?: (n: number) => void): Promise<ArrayBuffer>;
	/** The village index manifest.villages names, verified; asked for once, when first needed. */
	fetchVillageIndex(): Promise<VillageIndex>;
	onProgress?(p: EngineProgress): void;
}

const round = (ms: number) => Math.round(ms);

/**
 * DuckDB-WASM loaded with the extract set. The engine's download and compile and the fetching of
 * the always-needed extracts start together; their decoding waits for DuckDB to open, then the
 * township table follows unasked. Village data is fetched per township by ensure().
 */
export function createDataEngine(opts: DataEngineOptions): DataEngine {
	const { manifest, fetchBytes, onProgress } = opts;
	// the manifest with the village files merged in, once a view has needed villages
	let withVillages: Promise<Manifest> | null = null;
	const fullManifest = () => {
		withVillages ??= opts.fetchVillageIndex().then((index) => withVillageIndex(manifest, index));
		// a failed fetch may be tried again (the network came back)
		withVillages.catch(() => (withVillages = null));
		return withVillages;
	};
	const planFor = async (need: TableNeed) =>
		planLoad(needsVillages(need) ? await fullManifest() : manifest, need, { files: done });
	const timings: Record<string, number> = {};
	const durations: Record<string, number> = {};
	const tables: Record<string, number> = {};
	const townships: string[] = [];
	const done = new Set<string>();
	const loads = new Map<string, Promise<void>>();
	let state: EngineStatus['engine'] = 'loading';
	let error: string | undefined;
	let filesPlanned = 0;
	let filesDone = 0;
	const mark = (name: string) => (timings[name] ??= round(performance.now()));

	mark('engine_start');

	const dataProgress = (label: string) =>
		onProgress?.({ phase: 'data', label, loaded: filesDone, total: filesPlanned });

	const connector: Promise<WasmConnector> =
		manifest.schema_version === SCHEMA_VERSION
			? createWasmConnector({
					onProgress(p) {
						if (p.label === ENGINE_START) mark('engine_downloaded');
						onProgress?.(p);
					}
				}).then((c) => {
					mark('engine_ready');
					// for the benchmark: DuckDB itself up, before the first tables are in
					performance.mark('kp:duckdb-open');
					return c;
				})
			: Promise.reject(
					new Error(
						`数据版本 ${manifest.schema_version} 与本站 ${SCHEMA_VERSION} 不符 (schema_version)`
					)
				);
	connector.catch(() => undefined);
	// DuckDB first: its 34 MB wasm compiles on every core there is, and the decoder's own wasm and
	// first decodes beside it made DuckDB open 1.3-1.5× a bare page's time on two cores. Files and
	// the decoder's wasm are still downloaded from the start; the decoder compiles, and decodes,
	// once DuckDB is open.
	void prefetchDecoder().catch(() => undefined);
	void connector.then(() => warmDecoder()).catch(() => undefined);

	// Inserts one at a time so that the first village file creates village_month and the others
	// append to it, whatever order their downloads finish in.
	let inserts: Promise<unknown> = Promise.resolve();
	function insert(e: ExtractEntry, ipc: Uint8Array): Promise<void> {
		const run = inserts.then(async () => {
			const db = await connector;
			const key = entryKey(e);
			const t0 = performance.now();
			await db.insertArrowIPC(e.name, ipc, e.name in tables ? 'append' : 'create');
			durations[`insert:${key}`] = round(performance.now() - t0);
			const [{ n }] = rowsOf<{ n: number }>(
				await db.query(`SELECT count(*)::INTEGER AS n FROM ${ident(e.name)}`)
			);
			const added = n - (tables[e.name] ?? 0);
			tables[e.name] = n;
			// inserted either way: asking again must not append the same rows twice
			done.add(e.file);
			if (added !== e.rows)
				throw new Error(`${e.file}: ${added} 行，数据清单 (manifest) 写的是 ${e.rows} 行`);
			if (e.township_code) townships.push(e.township_code);
		});
		inserts = run.catch(() => undefined);
		return run;
	}

	// The tables loaded after ready are downloaded from the start, like the decoder's wasm: on a
	// slow intranet the township table's 10 MB would otherwise only start once DuckDB is up.
	const downloads = new Map<string, Promise<ArrayBuffer>>();
	try {
		for (const e of planLoad(manifest, { tables: [...LOADED_AFTER_READY] }, { files: done })) {
			const bytes = fetchBytes(e.file);
			bytes.catch(() => undefined);
			downloads.set(e.file, bytes);
		}
	} catch {
		// no township table in this set: allTables() names it, as ensure() would
	}

	function load(e: ExtractEntry): Promise<void> {
		const existing = loads.get(e.file);
		if (existing) return existing;
		filesPlanned++;
		const key = entryKey(e);
		const p = (async () => {
			const t0 = performance.now();
			// taken once: a load that failed fetches again when asked again
			const early = downloads.get(e.file);
			downloads.delete(e.file);
			const bytes = await (early ?? fetchBytes(e.file));
			durations[`fetch:${key}`] = round(performance.now() - t0);
			await connector;
			const { ipc, ms } = await decodeParquetTimed(bytes);
			durations[`decode:${key}`] = round(ms);
			await insert(e, ipc);
			if (!('first_table' in timings)) performance.mark('kp:first-table');
			mark('first_table');
			mark(`inserted:${key}`);
			done.add(e.file);
			filesDone++;
			dataProgress(key);
		})();
		loads.set(e.file, p);
		// a failed file may be asked for again (the network came back)
		p.catch(() => {
			loads.delete(e.file);
			filesPlanned--;
		});
		dataProgress(key);
		return p;
	}

	async function loadAll(need: TableNeed): Promise<void[]> {
		return Promise.all((await planFor(need)).map(load));
	}

	const ready = (async () => {
		await Promise.all([connector, loadAll({ tables: [...ALWAYS_NEEDED] })]);
		mark('ready');
		performance.mark('kp:engine-ready');
		state = 'ready';
	})();
	ready.catch((e: unknown) => {
		state = 'error';
		error = e instanceof Error ? e.message : String(e);
	});
	// a failed load is forgotten: asking again (a view, allTables) fetches the file again
	const allTables = async () => {
		await ready;
		await loadAll({ tables: [...LOADED_AFTER_READY] });
	};
	void allTables().then(
		() => {
			mark('tables_in');
			// for the benchmark: what `ready` no longer waits for is in too
			performance.mark('kp:tables-in');
		},
		() => undefined
	);

	return {
		ready,
		allTables,
		async ensure(need) {
			const t0 = performance.now();
			const planned = await planFor(need);
			if (planned.length === 0) return;
			await Promise.all(planned.map(load));
			durations[`ensure:${planned.map(entryKey).join(',')}`] = round(performance.now() - t0);
		},
		async query(sql) {
			await ready;
			return (await connector).query(sql);
		},
		async villageFiles() {
			return (await fullManifest()).extracts.filter((e) => e.name === 'village_month');
		},
		async openConsole() {
			// an analyst's SQL may name any table but village_month, whose files they load by name
			await allTables();
			return (await connector).openConsole();
		},
		status: () => ({
			engine: state,
			tables: { ...tables },
			townships: [...townships],
			...(error === undefined ? {} : { error })
		}),
		timings,
		durations
	};
}
