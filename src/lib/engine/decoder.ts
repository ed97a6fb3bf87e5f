import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { DecodeRequest, DecodeResponse } from './decode-worker';

/**
 * parquet-wasm's memory only grows: a worker is retired once it has produced this much Arrow
 * and ended when idle, so a session that drills into many townships does not keep the peak of
 * its largest file forever.
 */
const RECYCLE_AFTER_BYTES = 64 * 1024 * 1024;
const IDLE_MS = 2000;

interface Pending {
	resolve(r: { ipc: Uint8Array<ArrayBuffer>; ms: number }): void;
	reject(e: Error): void;
}

interface DecodeWorker {
	worker: Worker;
	pending: Map<number, Pending>;
	produced: number;
	idle?: ReturnType<typeof setTimeout>;
}

let downloaded: Promise<ArrayBuffer> | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;
let current: DecodeWorker | undefined;
let nextId = 1;

/**
 * Starts downloading the decoder's wasm (5 MB) without compiling it: on a slow intranet its
 * bytes arrive beside DuckDB's, while its compile, which would take CPU from DuckDB's, waits
 * for warmDecoder().
 */
export function prefetchDecoder(): Promise<ArrayBuffer> {
	if (!downloaded) {
		downloaded = fetch(parquetWasmUrl).then((res) => {
			if (!res.ok) throw new Error(`${parquetWasmUrl}: HTTP ${res.status}`);
			return res.arrayBuffer();
		});
		// a failed download may be tried again (the network came back)
		downloaded.catch(() => (downloaded = undefined));
	}
	return downloaded;
}

/** Compiles the decoder's wasm, downloading it first if prefetchDecoder() has not. */
export function warmDecoder(): Promise<WebAssembly.Module> {
	if (!compiled) {
		compiled = prefetchDecoder().then((bytes) => {
			// for the diagnostics test: the compile's start, which must follow DuckDB's open
			performance.mark('kp:decoder-compile');
			return WebAssembly.compile(bytes);
		});
		// the module is all a worker needs: the 5 MB of bytes need not stay for the session
		compiled.then(() => (downloaded = undefined)).catch(() => undefined);
		compiled.catch(() => (compiled = undefined));
	}
	return compiled;
}

function spawn(module: WebAssembly.Module): DecodeWorker {
	const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
	const w: DecodeWorker = { worker, pending: new Map(), produced: 0 };
	worker.onmessage = ({ data }: MessageEvent<DecodeResponse>) => {
		const p = w.pending.get(data.id);
		if (!p) return;
		w.pending.delete(data.id);
		if ('error' in data) p.reject(new Error(`Parquet: ${data.error}`));
		else {
			w.produced += data.ipc.byteLength;
			p.resolve(data);
		}
		if (w.pending.size === 0) settle(w);
	};
	worker.onerror = (e) => {
		e.preventDefault();
		const error = new Error(`decode worker failed: ${e.message || 'could not start'}`);
		for (const p of w.pending.values()) p.reject(error);
		w.pending.clear();
		end(w);
	};
	worker.postMessage({ type: 'init', module } satisfies DecodeRequest);
	return w;
}

function end(w: DecodeWorker): void {
	clearTimeout(w.idle);
	w.worker.terminate();
	if (current === w) current = undefined;
}

/** Nothing in flight: end a worker past its budget now, any other after a quiet spell. */
function settle(w: DecodeWorker): void {
	if (w !== current || w.produced >= RECYCLE_AFTER_BYTES) return end(w);
	clearTimeout(w.idle);
	w.idle = setTimeout(() => end(w), IDLE_MS);
}

/**
 * Decodes Parquet to an Arrow IPC stream in a Worker; `bytes` is transferred (detached), the
 * result is transferred back. `ms` is the decode time inside the worker, queueing excluded.
 */
export async function decodeParquetTimed(
	bytes: ArrayBuffer,
	columns?: string[]
): Promise<{ ipc: Uint8Array<ArrayBuffer>; ms: number }> {
	const module = await warmDecoder();
	if (current && current.produced >= RECYCLE_AFTER_BYTES) {
		const retiring = current;
		current = undefined;
		if (retiring.pending.size === 0) end(retiring);
	}
	const w = (current ??= spawn(module));
	clearTimeout(w.idle);
	const id = nextId++;
	return new Promise((resolve, reject) => {
		w.pending.set(id, { resolve, reject });
		const request: DecodeRequest = { type: 'decode', id, bytes, columns };
		w.worker.postMessage(request, [bytes]);
	});
}

export async function decodeParquet(bytes: ArrayBuffer, columns?: string[]): Promise<Uint8Array> {
	return (await decodeParquetTimed(bytes, columns)).ipc;
}
