import { describe, expect, it } from 'vitest';
import type { EngineWorkerStatus } from './engine-worker-protocol';
import { downloadAndCompile } from './wasm-download';

// the smallest valid module: magic and version, then a type section with one () -> () function
const WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0]);

/** A promise and its resolve (Promise.withResolvers is newer than Node 20). */
function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

/** A response that gives `chunks` one by one, each when the test lets it. */
function slowResponse(chunks: Uint8Array[], headers: Record<string, string> = {}) {
	const gates = chunks.map(() => deferred());
	let i = 0;
	const body = new ReadableStream<Uint8Array>({
		async pull(out) {
			if (i === chunks.length) return out.close();
			await gates[i].promise;
			out.enqueue(chunks[i++]);
		}
	});
	const response = new Response(body, {
		headers: { 'Content-Length': String(chunks.reduce((n, c) => n + c.length, 0)), ...headers }
	});
	return { response, release: (k: number) => gates[k].resolve() };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('downloadAndCompile', () => {
	it('downloads without waiting, compiles only once let, and reports bytes then compiling', async () => {
		const { response, release } = slowResponse([WASM.slice(0, 6), WASM.slice(6)]);
		const posted: EngineWorkerStatus[] = [];
		const go = deferred();
		let compiled = false;
		const module = downloadAndCompile(
			async () => response,
			'e.wasm',
			(s) => posted.push(s),
			go.promise
		);
		void module.then(() => (compiled = true));
		release(0);
		release(1);
		await tick();
		// every byte is in while the compile has not been allowed to start
		expect(posted.at(-2)).toEqual({ kind: 'progress', loaded: WASM.length, total: WASM.length });
		expect(posted.at(-1)).toEqual({ kind: 'compiling' });
		expect(compiled).toBe(false);
		go.resolve();
		expect(WebAssembly.Module.exports(await module)).toEqual([]);
		expect(posted[0]).toEqual({ kind: 'progress', loaded: 0, total: WASM.length });
	});

	it('compiles bytes that arrive after it was let', async () => {
		const { response, release } = slowResponse([WASM.slice(0, 3), WASM.slice(3, 9), WASM.slice(9)]);
		const module = downloadAndCompile(
			async () => response,
			'e.wasm',
			() => {},
			Promise.resolve()
		);
		release(0);
		await tick();
		release(1);
		await tick();
		release(2);
		await expect(module).resolves.toBeInstanceOf(WebAssembly.Module);
	});

	it('counts no total for a compressed response, and fails on an HTTP error or broken bytes', async () => {
		const posted: EngineWorkerStatus[] = [];
		const { response, release } = slowResponse([WASM], { 'Content-Encoding': 'gzip' });
		release(0);
		await downloadAndCompile(
			async () => response,
			'e.wasm',
			(s) => posted.push(s),
			Promise.resolve()
		);
		expect(posted[0]).toEqual({ kind: 'progress', loaded: 0, total: 0 });

		const missing = new Response('no', { status: 404 });
		await expect(
			downloadAndCompile(
				async () => missing,
				'x/e.wasm',
				() => {},
				Promise.resolve()
			)
		).rejects.toThrow('x/e.wasm: HTTP 404');

		const broken = slowResponse([WASM.slice(0, 4), new Uint8Array([9, 9, 9, 9])]);
		broken.release(0);
		broken.release(1);
		await expect(
			downloadAndCompile(
				async () => broken.response,
				'e.wasm',
				() => {},
				Promise.resolve()
			)
		).rejects.toThrow(WebAssembly.CompileError);
	});
});
