import type { EngineWorkerStatus } from './engine-worker-protocol';

/** Progress messages at most this often: a reader does not see ten a second. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The engine's wasm, downloaded from the moment it is asked for and compiled as its bytes arrive
 * (WebAssembly.compileStreaming) once `compileFrom` lets it: compiling 34 MB takes every core for a
 * few hundred ms, which on a fast link would land on the page's first content. Bytes that came
 * before are held and compiled first. Byte progress goes to `post`; `total` is 0 when the server
 * compresses the response (Content-Length then counts compressed bytes, the stream gives
 * decompressed ones).
 */
export async function downloadAndCompile(
	network: typeof fetch,
	url: string,
	post: (s: EngineWorkerStatus) => void,
	compileFrom: Promise<void>
): Promise<WebAssembly.Module> {
	const res = await network(url);
	if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
	const length = Number(res.headers.get('Content-Length') ?? 0);
	const total = res.headers.get('Content-Encoding') ? 0 : length;
	const held: Uint8Array[] = [];
	let loaded = 0;
	let reported = 0;
	let finished = false;
	let failed: unknown = null;
	let wake = () => {};
	const report = () => {
		reported = performance.now();
		post({ kind: 'progress', loaded, total });
	};
	report();
	// read as fast as the network gives, whether or not the compiler takes the bytes yet
	void (async () => {
		const reader = res.body!.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				held.push(value);
				loaded += value.byteLength;
				if (performance.now() - reported >= PROGRESS_INTERVAL_MS) report();
				wake();
			}
			report();
			post({ kind: 'compiling' });
		} catch (e) {
			failed = e;
		}
		finished = true;
		wake();
	})();
	const source = new ReadableStream<Uint8Array>({
		async pull(out) {
			await compileFrom;
			while (held.length === 0 && !finished) await new Promise<void>((r) => (wake = r));
			if (held.length > 0) out.enqueue(held.shift()!);
			else if (failed) out.error(failed);
			else out.close();
		}
	});
	return WebAssembly.compileStreaming(
		new Response(source, { headers: { 'Content-Type': 'application/wasm' } })
	);
}
