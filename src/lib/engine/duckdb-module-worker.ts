// DuckDB-WASM's own worker script, started from the page's first byte (src/boot.js, or
// engine-worker.ts when the page has no boot script), which downloads and compiles the 34 MB wasm
// itself as it arrives (WebAssembly.compileStreaming) while the page draws its first numbers:
// none of that work touches the page's main thread. DuckDB's worker code would otherwise only be
// started once the app's scripts had loaded, and download and compile the wasm then. Measured in
// `npm run bench:browser` against a bare AsyncDuckDB page.
//
// The first message names DuckDB's worker script and the wasm, and brings a port. Progress
// ({loaded, total}, then {compiling}, then {compiled} or {error}) goes out on that port, never on
// the worker's own channel, which belongs to DuckDB's AsyncDuckDB from then on. DuckDB asks for
// the wasm by URL and compiles it with instantiateStreaming: both are answered from the Module.
import type { EngineWorkerStart, EngineWorkerStatus } from './engine-worker-protocol';

/** Progress messages at most this often: a reader does not see ten a second. */
const PROGRESS_INTERVAL_MS = 100;

const scope = self as unknown as {
	fetch: typeof fetch;
	importScripts(url: string): void;
	addEventListener(
		type: 'message',
		fn: (e: MessageEvent<EngineWorkerStart>) => void,
		o: object
	): void;
};

scope.addEventListener(
	'message',
	(e: MessageEvent<EngineWorkerStart>) => {
		const { workerUrl, moduleUrl, port } = e.data;
		const network = scope.fetch.bind(self);
		const post = (status: EngineWorkerStatus) => port.postMessage(status);
		// started before DuckDB's script is loaded: importScripts blocks this worker, not the network
		const compiled = compile(network, moduleUrl, post);
		compiled.then(
			() => post({ kind: 'compiled' }),
			(err: Error) => post({ kind: 'error', message: err.message })
		);
		// DuckDB asks with a Request object
		scope.fetch = (input, init) =>
			(input instanceof Request ? input.url : String(input)) === moduleUrl
				? Promise.resolve(
						new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } })
					)
				: network(input, init);
		WebAssembly.instantiateStreaming = async (_source, imports) => {
			const module = await compiled;
			return { module, instance: await WebAssembly.instantiate(module, imports) };
		};
		scope.importScripts(workerUrl);
		instantiateEarly(moduleUrl, compiled);
	},
	{ once: true }
);

/** A request of DuckDB's worker protocol (duckdb-wasm's worker_request.ts), the parts used here. */
interface DuckDBRequest {
	messageId: number;
	type: string;
	data?: unknown;
}

/**
 * DuckDB's own start (its INSTANTIATE: the wasm instantiated and the database code set up, about
 * half a second) runs here as soon as the wasm is compiled, rather than when the page's AsyncDuckDB
 * asks for it once the app's engine code has loaded. DuckDB's script listens on `onmessage` and
 * answers with `postMessage`: this wraps both. The early request's answers stay in the worker;
 * the page's INSTANTIATE is answered OK once the early one has succeeded (or, if it failed, is
 * handed to DuckDB to try again and report its own error). Every other message waits for the
 * early start, in the order it came.
 */
function instantiateEarly(moduleUrl: string, compiled: Promise<WebAssembly.Module>): void {
	const g = self as unknown as {
		onmessage: ((e: { data: DuckDBRequest }) => Promise<void>) | null;
		postMessage(message: unknown, transfer?: Transferable[]): void;
	};
	const duckdb = g.onmessage;
	if (!duckdb) return; // not DuckDB's worker script as we know it: leave it to itself
	const EARLY = -1;
	const post = g.postMessage.bind(self);
	let settle: (ok: boolean) => void = () => {};
	const early = new Promise<boolean>((resolve) => (settle = resolve));
	g.postMessage = (message, transfer) => {
		const reply = message as { requestId?: number; type?: string };
		if (reply?.requestId !== EARLY) return post(message, transfer ?? []);
		if (reply.type === 'OK') settle(true);
		else if (reply.type !== 'INSTANTIATE_PROGRESS') settle(false);
	};
	g.onmessage = async (e) => {
		const request = e.data;
		const ok = await early;
		if (request.type === 'INSTANTIATE' && ok)
			post({ messageId: request.messageId, requestId: request.messageId, type: 'OK', data: null });
		else await duckdb(e);
	};
	compiled.then(
		() => duckdb({ data: { messageId: EARLY, type: 'INSTANTIATE', data: [moduleUrl, null] } }),
		() => settle(false)
	);
}

/**
 * The wasm, compiled as its bytes arrive, with byte progress for the page's bar. `total` is 0
 * when the server compresses the response: Content-Length then counts compressed bytes while the
 * stream gives decompressed ones.
 */
async function compile(
	network: typeof fetch,
	url: string,
	post: (s: EngineWorkerStatus) => void
): Promise<WebAssembly.Module> {
	const res = await network(url);
	if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
	const length = Number(res.headers.get('Content-Length') ?? 0);
	const total = res.headers.get('Content-Encoding') ? 0 : length;
	let loaded = 0;
	let reported = 0;
	const report = () => {
		reported = performance.now();
		post({ kind: 'progress', loaded, total });
	};
	report();
	const counted = res.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, out) {
				loaded += chunk.byteLength;
				if (performance.now() - reported >= PROGRESS_INTERVAL_MS) report();
				out.enqueue(chunk);
			},
			flush() {
				report();
				post({ kind: 'compiling' });
			}
		})
	);
	return WebAssembly.compileStreaming(
		new Response(counted, { headers: { 'Content-Type': 'application/wasm' } })
	);
}
