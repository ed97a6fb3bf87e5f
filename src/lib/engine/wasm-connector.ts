import {
	AsyncDuckDB,
	VoidLogger,
	getPlatformFeatures,
	type AsyncDuckDBConnection
} from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import type { Connector } from '../connector/types';
import { closeConnection, type ConsoleConnection } from '../sql/closed';
import { BrowserTooOld } from './browser-too-old';
import { engineUrls, takeEngineWorker } from './engine-worker';
import { ENGINE_DOWNLOAD, ENGINE_START } from './progress-labels';

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
 * DuckDB-WASM in its own Worker, which downloads the 34 MB wasm itself from the page's first byte,
 * compiles it once the page has drawn its first content and starts DuckDB right after
 * (duckdb-module-worker.ts), started by src/boot.js and taken over here (engine-worker.ts):
 * neither waits for the app's scripts or holds the page's main thread. The worker reports bytes
 * for the progress bar (DuckDB's own progress callback only fires after a 20 ms pause between
 * chunks, i.e. hardly ever on a steady stream).
 */
export async function createWasmConnector(
	options: { onProgress?(p: EngineProgress): void } = {}
): Promise<WasmConnector> {
	const { onProgress } = options;
	const { worker, onStatus } = takeEngineWorker();
	let bytes = { loaded: 0, total: 0 };
	const compiled = new Promise<void>((resolve, reject) =>
		onStatus((s) => {
			if (s.kind === 'progress') {
				bytes = { loaded: s.loaded, total: s.total };
				onProgress?.({ phase: 'engine', label: ENGINE_DOWNLOAD, ...bytes });
			} else if (s.kind === 'compiling')
				onProgress?.({ phase: 'engine', label: ENGINE_START, ...bytes });
			else if (s.kind === 'compiled') resolve();
			else reject(new Error(s.message));
		})
	);
	compiled.catch(() => undefined);
	const features = await getPlatformFeatures();
	if (!features.wasmExceptions) {
		worker.terminate();
		throw new BrowserTooOld(
			'浏览器太旧，不支持 WebAssembly 异常处理 (wasm exceptions)：请使用 Chrome、Edge 或 360 极速版 95 以上版本'
		);
	}
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	let conn: AsyncDuckDBConnection;
	try {
		await Promise.all([db.instantiate(engineUrls().moduleUrl, null), compiled]);
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
