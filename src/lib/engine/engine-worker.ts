import { engineFiles } from './engine-files';
import type {
	EngineWorkerCommand,
	EngineWorkerStart,
	EngineWorkerStatus
} from './engine-worker-protocol';

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
	const boot = bootState();
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
	startCompile(channel.port1);
	return attach(worker, channel.port1, null);
}

const bootState = () => (globalThis as { __kpBoot?: { engine?: BootEngine | null } }).__kpBoot;

/**
 * Tells the engine's worker to compile the wasm it has been downloading: the page calls this once
 * its first content is drawn (AppData.firstContentShown), so that a compile that takes every
 * core does not land on it. Without a word the worker starts by itself after 1.5 s.
 */
export function startCompile(port = takenPort ?? bootState()?.engine?.port): void {
	const go: EngineWorkerCommand = { kind: 'compile' };
	port?.postMessage(go);
}

/** The port of the worker the page took over: the page may say "compile" after taking it. */
let takenPort: MessagePort | null = null;

function attach(worker: Worker, port: MessagePort, last: EngineWorkerStatus | null): EngineWorker {
	takenPort = port;
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
