// A bare page with the site's own engine worker (duckdb-module-worker.ts), started and told to
// compile at once, then AsyncDuckDB + SELECT 1 as on duckdb-page.ts: the site's engine without the
// app beside it. Against the AsyncDuckDB floor it says what the worker costs or saves; against the
// site, what sharing the machine with the app costs. The messages are the protocol's, as
// src/boot.js and engine-worker.ts send them.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import type {
	EngineWorkerCommand,
	EngineWorkerStart
} from '../../src/lib/engine/engine-worker-protocol';

const params = new URLSearchParams(location.search);
const url = (name: string) => new URL(params.get(name)!, location.href).href;
const worker = new Worker(url('script'));
const channel = new MessageChannel();
const start: EngineWorkerStart = {
	workerUrl: url('worker'),
	moduleUrl: url('wasm'),
	port: channel.port2
};
worker.postMessage(start, [channel.port2]);
const compile: EngineWorkerCommand = { kind: 'compile' };
channel.port1.postMessage(compile);
const db = new AsyncDuckDB(new VoidLogger(), worker);
await db.instantiate(url('wasm'), null);
await db.open({});
const conn = await db.connect();
await conn.query('SELECT 1');
performance.mark('floor:done');
