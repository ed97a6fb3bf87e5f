import { engineFiles } from './engine-files';
import type { EngineWorkerStart, EngineWorkerStatus } from './engine-worker-protocol';

/** DuckDB's worker with the wasm downloading and compiling in it, and its progress. */
export interface EngineWorker {
	worker: Worker;
	/** Calls `fn` with the latest status at once (if any), then with each new one. */
	onStatus(fn: (s: EngineWorkerStatus) => void): void;
}

/** What src/boot.js leaves on `window.__kpBoot.engine` (it cannot import these types). */
interface BootEngine {
	scriptUrl: string;
	workerUrl: string;
	moduleUrl: string;
	worker: Worker;
	port: MessagePort;
	last: EngineWorkerStatus | null;
}

const absolute = (url: string) => new URL(url, location.href).href;

/** The three files the engine worker is started with, as absolute URLs. */
export function engineUrls() {
	return {
		scriptUrl: absolute(engineFiles.script),
		workerUrl: absolute(engineFiles.worker),
		moduleUrl: absolute(engineFiles.wasm)
	};
}

/**
 * The engine worker src/boot.js started at the page's first byte, taken over once (a second
 * engine, e.g. the diagnostics page's, starts its own); or a new one when the page had no boot
 * script or it names other files than this bundle (an old page from a cache).
 */
export function takeEngineWorker(): EngineWorker {
	const boot = (globalThis as { __kpBoot?: { engine?: BootEngine | null } }).__kpBoot;
	const early = boot?.engine;
	const urls = engineUrls();
	if (boot) boot.engine = null;
	if (
		early &&
		early.scriptUrl === urls.scriptUrl &&
		early.workerUrl === urls.workerUrl &&
		early.moduleUrl === urls.moduleUrl
	)
		return attach(early.worker, early.port, early.last);
	early?.worker.terminate();
	const worker = new Worker(urls.scriptUrl);
	const channel = new MessageChannel();
	const start: EngineWorkerStart = {
		workerUrl: urls.workerUrl,
		moduleUrl: urls.moduleUrl,
		port: channel.port2
	};
	worker.postMessage(start, [channel.port2]);
	return attach(worker, channel.port1, null);
}

function attach(worker: Worker, port: MessagePort, last: EngineWorkerStatus | null): EngineWorker {
	const listeners: ((s: EngineWorkerStatus) => void)[] = [];
	port.onmessage = (e: MessageEvent<EngineWorkerStatus>) => {
		last = e.data;
		for (const fn of listeners) fn(e.data);
	};
	return {
		worker,
		onStatus(fn) {
			listeners.push(fn);
			if (last) fn(last);
		}
	};
}
