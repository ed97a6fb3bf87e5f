// The bare AsyncDuckDB page of the benchmark's floor (bench-floor.ts bundles it): the same
// worker and wasm files as the site, instantiated as DuckDB's documentation does, then SELECT 1.
// Nothing else — no framework, no data, no progress bar.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';

const params = new URLSearchParams(location.search);
// absolute, as the site's are: the worker would read a relative URL against its own location
const url = (name: string) => new URL(params.get(name)!, location.href).href;
const db = new AsyncDuckDB(new VoidLogger(), new Worker(url('worker')));
await db.instantiate(url('wasm'), null);
await db.open({});
const conn = await db.connect();
await conn.query('SELECT 1');
performance.mark('floor:done');
