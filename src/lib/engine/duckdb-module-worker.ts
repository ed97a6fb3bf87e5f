// DuckDB-WASM's own worker script, started from the page's first byte (src/boot.js, or
// engine-worker.ts when the page has no boot script). It downloads the 34 MB wasm itself from
// then on, compiles it as it arrives once the page has drawn its first content
// (wasm-download.ts), and starts DuckDB as soon as it is compiled: none of that waits for the
// app's scripts or runs on the page's main thread. Measured in `npm run bench:browser` against a
// bare AsyncDuckDB page.
//
// The first message names DuckDB's worker script and the wasm, and brings a port. Progress
// ({loaded, total}, then {compiling}, then {compiled} or {error}) goes out on that port, never on
// the worker's own channel, which belongs to DuckDB's AsyncDuckDB from then on. DuckDB asks for
// the wasm by URL and compiles it with instantiateStreaming: both are answered from the Module.
import type {
	EngineWorkerCommand,
	EngineWorkerStart,
	EngineWorkerStatus
} from './engine-worker-protocol';
import { downloadAndCompile } from './wasm-download';

/** The compile starts at the latest this long after the worker started, if the page never says. */
const COMPILE_AFTER_MS = 1500;

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
		// the page says when its first content is drawn (engine-worker.ts, startCompile)
		const compileFrom = new Promise<void>((start) => {
			port.onmessage = (m: MessageEvent<EngineWorkerCommand>) => {
				if (m.data.kind === 'compile') start();
			};
			setTimeout(start, COMPILE_AFTER_MS);
		});
		const compiled = downloadAndCompile(network, moduleUrl, post, compileFrom);
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
		// DuckDB's script (770 KB) is loaded once the wasm is compiled, not beside it: while the
		// page loads, its request would hold one of the browser's six connections the app's own
		// scripts wait for. Until then the page's messages wait here, in order.
		const early: { data: DuckDBRequest }[] = [];
		const g = self as unknown as Scope;
		g.onmessage = (m) => void early.push(m);
		const loadDuckDB = (ok: boolean) => {
			post(ok ? { kind: 'compiled' } : { kind: 'error', message: failure });
			scope.importScripts(workerUrl);
			takeOver(g, ok ? instantiate(g, moduleUrl) : Promise.resolve(false), early);
		};
		let failure = '';
		compiled.then(
			() => loadDuckDB(true),
			(err: Error) => {
				failure = err.message;
				loadDuckDB(false);
			}
		);
	},
	{ once: true }
);

/** A request of DuckDB's worker protocol (duckdb-wasm's worker_request.ts), the parts used here. */
interface DuckDBRequest {
	messageId: number;
	type: string;
	data?: unknown;
}

/** The worker's global scope as DuckDB's script uses it: `onmessage` in, `postMessage` out. */
interface Scope {
	onmessage: ((e: { data: DuckDBRequest }) => unknown) | null;
	postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** The message id of the worker's own INSTANTIATE; the page's AsyncDuckDB counts from 0. */
const EARLY = -1;

/**
 * DuckDB's own start (its INSTANTIATE: the wasm instantiated and the database code set up, about
 * half a second), run here as soon as the wasm is compiled rather than when the page's AsyncDuckDB
 * asks for it once the app's engine code has loaded. Its answers stay in the worker; resolves
 * whether it succeeded.
 */
function instantiate(g: Scope, moduleUrl: string): Promise<boolean> {
	const duckdb = g.onmessage;
	if (!duckdb) return Promise.resolve(false); // not DuckDB's script as we know it
	const post = g.postMessage.bind(self);
	return new Promise<boolean>((settle) => {
		g.postMessage = (message, transfer) => {
			const reply = message as { requestId?: number; type?: string };
			if (reply?.requestId !== EARLY) return post(message, transfer ?? []);
			if (reply.type === 'OK') settle(true);
			else if (reply.type !== 'INSTANTIATE_PROGRESS') settle(false);
		};
		void duckdb({ data: { messageId: EARLY, type: 'INSTANTIATE', data: [moduleUrl, null] } });
	});
}

/**
 * Hands the worker's channel to DuckDB's script, which listens on `onmessage`: the page's messages
 * (those that waited, then the rest) go to it once the early start has settled. The page's own
 * INSTANTIATE is answered OK if the early start succeeded; if it failed, DuckDB gets the request,
 * tries again and reports its own error.
 */
function takeOver(g: Scope, started: Promise<boolean>, waiting: { data: DuckDBRequest }[]) {
	const duckdb = g.onmessage;
	if (!duckdb) return;
	const post = g.postMessage.bind(self);
	const handle = async (e: { data: DuckDBRequest }) => {
		const request = e.data;
		if (request.type === 'INSTANTIATE' && (await started))
			post({ messageId: request.messageId, requestId: request.messageId, type: 'OK', data: null });
		else {
			await started;
			await duckdb(e);
		}
	};
	g.onmessage = handle;
	for (const e of waiting) void handle(e);
}
