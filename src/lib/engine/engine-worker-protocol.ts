// Messages between the page and DuckDB's worker (duckdb-module-worker.ts) before DuckDB's own
// protocol takes over the worker's channel. src/boot.js sends the same start message by hand (it
// cannot import): keep the two in step.

/** The first message to the worker: what to load, and the port its progress goes out on. */
export interface EngineWorkerStart {
	/** DuckDB's own worker script (duckdb-browser-eh.worker.js), absolute. */
	workerUrl: string;
	/** The engine's wasm (duckdb-eh.wasm), absolute. */
	moduleUrl: string;
	port: MessagePort;
}

/** The wasm's download and compile, as the worker reports it; `compiled` or `error` comes last. */
export type EngineWorkerStatus =
	| { kind: 'progress'; loaded: number; total: number }
	| { kind: 'compiling' }
	| { kind: 'compiled' }
	| { kind: 'error'; message: string };

/** From the page: its first content is drawn, compile now (the download has not waited). */
export type EngineWorkerCommand = { kind: 'compile' };
