// The first requests, from the first byte of the page: the manifest (revalidated, as
// src/lib/app/data-url.ts asks for it) and, as soon as it is in, the compiled configuration and
// the precomputed first results it names, by the same content-versioned URLs the app uses. The
// app's JavaScript takes these responses over (src/lib/app/boot-fetch.ts) instead of asking
// again once it has loaded, and checks every byte against the manifest's sha256 as before.
// Inlined into every page by src/hooks.server.ts (allowed by its hash in svelte.config.js): a
// separate file would itself be a request, and arrived 300-400 ms late behind the app's modules.
// Plain script, no imports; `data-assets` is the page's relative path to the site's root, the
// other `data-engine-*` the engine's built files under it.
(() => {
	// for the benchmark: where the page's own first line of script runs, the floor of all the rest
	performance.mark('kp:boot');
	const script = document.currentScript;
	if (!script || /\/diagnostics\/?$/.test(location.pathname)) return;
	const data = new URL(`${script.dataset.assets}/data/`, location.href);
	/** @type {Map<string, Promise<Response>>} */
	const responses = new Map();
	/** @param {string} path @param {RequestInit} [init] */
	const get = (path, init) => {
		const url = new URL(path, data).href;
		const response = fetch(url, init);
		// the app may never ask (an error page): an unhandled rejection would be noise
		response.catch(() => {});
		responses.set(url, response);
		return response;
	};
	/** @param {{ file: string; sha256: string }} ref */
	const versioned = (ref) => `${ref.file}?v=${encodeURIComponent(ref.sha256.slice(0, 16))}`;
	get('manifest.json', { cache: 'no-cache' })
		.then((r) => (r.ok ? r.clone().json() : null))
		.then((m) => {
			if (!m || !m.config || !m.config.compiled) return;
			get(versioned(m.config.compiled));
			if (m.precomputed) get(versioned(m.precomputed));
			if (m.precomputed_more) get(versioned(m.precomputed_more));
		})
		.catch(() => {});
	/** @type {Window & { __kpBoot?: unknown }} */ (window).__kpBoot = {
		version: 1,
		responses,
		engine: startEngine(script.dataset)
	};

	// DuckDB's worker, which downloads the engine's 34 MB wasm off the main thread while the page
	// loads and compiles it when the app says (its first content is drawn). The app takes it over
	// (src/lib/engine/engine-worker.ts, whose start message this is: keep them in step). The
	// paths are the built files' (src/hooks.server.ts).
	/** @param {DOMStringMap} paths */
	function startEngine(paths) {
		const at = (/** @type {string | undefined} */ path) =>
			new URL(`${paths.assets}/${path}`, location.href).href;
		try {
			const urls = {
				scriptUrl: at(paths.engineScript),
				workerUrl: at(paths.engineWorker),
				moduleUrl: at(paths.engineWasm)
			};
			const worker = new Worker(urls.scriptUrl);
			const channel = new MessageChannel();
			const engine = { ...urls, worker, port: channel.port1, last: null };
			// the latest status until the app listens (its own handler replaces this one)
			channel.port1.onmessage = (e) => (engine.last = e.data);
			const start = { workerUrl: urls.workerUrl, moduleUrl: urls.moduleUrl, port: channel.port2 };
			worker.postMessage(start, [channel.port2]);
			return engine;
		} catch {
			// no worker here (an old browser): the app starts the engine itself and says what fails
			return null;
		}
	}
})();
