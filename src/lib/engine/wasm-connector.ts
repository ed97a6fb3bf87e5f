import {
	AsyncDuckDB,
	VoidLogger,
	getPlatformFeatures,
	type AsyncDuckDBConnection
} from '@duckdb/duckdb-wasm';
// Self-hosted: the county intranet has no CDN. Only the eh bundle: mvp crashes on the first SQL
// error, coi needs cross-origin isolation headers a plain nginx does not send.
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Connector } from '../connector/types';
import { closeConnection, type ConsoleConnection } from '../sql/closed';
import { compileWasm } from './fetch';

/** Bytes for the engine download, files for data. */
export interface EngineProgress {
	phase: 'engine' | 'data';
	label: string;
	loaded: number;
	total: number;
}

export { ENGINE_DOWNLOAD, ENGINE_START } from './progress-labels';

export interface WasmConnector extends Connector {
	/** Inserts an Arrow IPC stream; `ipc`'s buffer is transferred to the engine (detached). */
	insertArrowIPC(table: string, ipc: Uint8Array, mode: 'create' | 'append'): Promise<void>;
	version(): Promise<string>;
	/** A connection of its own for the SQL console (see runConsoleQuery). */
	openConsole(): Promise<ConsoleConnection>;
}

/**
 * DuckDB-WASM in its own Worker. The page fetches the wasm (34 MB) itself — taking over the
 * download app.html preloaded at navigation — counting bytes for the progress bar (DuckDB's own
 * progress callback only fires after a 20 ms pause between chunks, i.e. hardly ever on a steady
 * stream) and compiling it as it arrives; the compiled Module goes to DuckDB's worker
 * (duckdb-module-worker.ts). The earlier hand-over, a blob: URL of the whole download, could
 * only start compiling once the last byte was in; giving DuckDB the URL instead would download
 * the file a second time beside the preload, without byte progress.
 */
export async function createWasmConnector(
	options: { onProgress?(p: EngineProgress): void } = {}
): Promise<WasmConnector> {
	const { onProgress } = options;
	const absolute = (url: string) => new URL(url, location.href).href;
	const compiled = compileWasm(absolute(duckdbWasmUrl), onProgress);
	compiled.catch(() => undefined);
	const features = await getPlatformFeatures();
	if (!features.wasmExceptions)
		throw new Error(
			'浏览器太旧，不支持 WebAssembly 异常处理 (wasm exceptions)：请使用 Chrome、Edge 或 360 极速版 95 以上版本'
		);
	// DuckDB's worker script (0.8 MB) loads while the wasm downloads and compiles.
	const worker = new Worker(new URL('./duckdb-module-worker.ts', import.meta.url));
	const channel = new MessageChannel();
	worker.postMessage(
		{
			workerUrl: absolute(duckdbWorkerUrl),
			moduleUrl: absolute(duckdbWasmUrl),
			port: channel.port2
		},
		[channel.port2]
	);
	compiled.then(
		(module) => channel.port1.postMessage({ module }),
		(e: Error) => channel.port1.postMessage({ error: e.message })
	);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	let conn: AsyncDuckDBConnection;
	try {
		await Promise.all([db.instantiate(absolute(duckdbWasmUrl), null), compiled]);
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		conn = await db.connect();
		// Before any data: no file, network or extension access for any connection, settings
		// locked (the data arrives as Arrow buffers, which need none of them).
		await closeConnection((sql) => conn.query(sql));
	} catch (e) {
		await db.terminate();
		throw e;
	}

	// One statement at a time on the one connection: a query never sees half an insert, and an
	// error cannot leave the next caller's statement in a broken pending state.
	let tail: Promise<unknown> = Promise.resolve();
	const serial = <T>(run: () => Promise<T>): Promise<T> => {
		const result = tail.then(run);
		tail = result.catch(() => undefined);
		return result;
	};
	let closed = false;
	const open = () => {
		if (closed) throw new Error('connector is closed');
		return conn;
	};

	return {
		query: (sql) => serial(async () => (await open().query(sql)) as Table),
		exec: (sql) =>
			serial(async () => {
				await open().query(sql);
			}),
		insertArrowIPC: (table, ipc, mode) =>
			serial(() =>
				open().insertArrowFromIPCStream(ipc, { name: table, create: mode === 'create' })
			),
		version: () => db.getVersion(),
		openConsole: async () => consoleConnection(await db.connect()),
		close: () =>
			serial(async () => {
				if (closed) return;
				closed = true;
				await conn.close();
				await db.terminate();
			})
	};
}

/**
 * send() runs the statement as a pending query that the worker advances in slices, so a cancel
 * message gets between two slices: a long query stops without restarting the worker. Not as a
 * streamed result: once a stream has begun, DuckDB-WASM's cancel no longer applies and its
 * reader keeps fetching until the next row exists (the whole of a long aggregate). The finished
 * result is then read batch by batch, and reading stops at the console's row limit.
 */
function consoleConnection(conn: AsyncDuckDBConnection): ConsoleConnection {
	return {
		async prepare(sql) {
			await (await conn.prepare(sql)).close();
		},
		async exec(sql) {
			await conn.query(sql);
		},
		async stream(sql, onBatch) {
			const reader = await conn.send(sql, false);
			for await (const batch of reader) {
				if (!onBatch(batch)) {
					await conn.cancelSent();
					break;
				}
			}
			return reader.schema;
		},
		async cancel() {
			await conn.cancelSent();
		},
		close: () => conn.close()
	};
}
