// DuckDB-WASM's own worker script, started with the engine the page has already compiled. The
// page compiles the 34 MB wasm while it downloads (WebAssembly.compileStreaming on the response
// app.html preloaded at navigation, with byte progress) and sends the Module here; DuckDB's
// worker would otherwise download and compile it a second time on its own, after the app's
// scripts have loaded. Measured in `npm run bench:browser` against a bare AsyncDuckDB page.
//
// The first message names DuckDB's worker script and brings a port; the Module arrives on the
// port (never on the worker's own channel, which belongs to DuckDB from then on). DuckDB asks
// for the wasm by URL and compiles it with instantiateStreaming: both are answered from the Module.

interface Start {
	workerUrl: string;
	moduleUrl: string;
	port: MessagePort;
}

const scope = self as unknown as {
	fetch: typeof fetch;
	importScripts(url: string): void;
	addEventListener(type: 'message', fn: (e: MessageEvent<Start>) => void, o: object): void;
};

scope.addEventListener(
	'message',
	(e: MessageEvent<Start>) => {
		const { workerUrl, moduleUrl, port } = e.data;
		const compiled = new Promise<WebAssembly.Module>((resolve, reject) => {
			port.onmessage = (m: MessageEvent<{ module?: WebAssembly.Module; error?: string }>) =>
				m.data.module ? resolve(m.data.module) : reject(new Error(m.data.error));
		});
		const network = scope.fetch.bind(self);
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
	},
	{ once: true }
);
