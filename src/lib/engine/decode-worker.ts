import init, { ParquetFile, readParquet } from 'parquet-wasm/esm';

/**
 * Parquet → Arrow IPC stream with parquet-wasm, off the main thread (decoding a province's
 * township_month there would freeze the page for over a second). The wasm arrives compiled from
 * the page, so a recycled worker does not fetch and compile it again.
 */
export type DecodeRequest =
	| { type: 'init'; module: WebAssembly.Module }
	| { type: 'decode'; id: number; bytes: ArrayBuffer; columns?: string[] };

export type DecodeResponse =
	{ id: number; ipc: Uint8Array<ArrayBuffer>; ms: number } | { id: number; error: string };

// DOM typings describe a window; this file runs as a dedicated worker.
const scope = self as unknown as {
	onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
	postMessage(message: DecodeResponse, transfer: Transferable[]): void;
};

let ready: Promise<unknown> = Promise.reject(new Error('decode worker was not initialised'));
ready.catch(() => undefined);

scope.onmessage = async ({ data }) => {
	if (data.type === 'init') {
		ready = init({ module_or_path: data.module });
		return;
	}
	const { id, bytes, columns } = data;
	try {
		await ready;
		const t0 = performance.now();
		// 1024-row batches keep parquet-wasm's peak memory (which it never gives back) lower at the
		// same speed. readParquet ignores `columns` (0.8.0): only ParquetFile.read honours it.
		const table = columns
			? await readColumns(bytes, columns)
			: readParquet(new Uint8Array(bytes), { batchSize: 1024 });
		const ipc = table.intoIPCStream() as Uint8Array<ArrayBuffer>;
		scope.postMessage({ id, ipc, ms: performance.now() - t0 }, [ipc.buffer]);
	} catch (e) {
		scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }, []);
	}
};

async function readColumns(bytes: ArrayBuffer, columns: string[]) {
	const file = await ParquetFile.fromFile(new Blob([bytes]));
	try {
		return await file.read({ batchSize: 1024, columns });
	} finally {
		file.free();
	}
}
