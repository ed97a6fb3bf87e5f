// The engine's built files, imported the same way by the page (engine-worker.ts) and the server
// build (hooks.server.ts, which writes them into every page for src/boot.js): Vite names each by
// its content, so both builds agree on the names.
// Self-hosted: the county intranet has no CDN. Only the eh bundle: mvp crashes on the first SQL
// error, coi needs cross-origin isolation headers a plain nginx does not send.
import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import worker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import script from './duckdb-module-worker.ts?worker&url';

export const engineFiles = { wasm, worker, script };
