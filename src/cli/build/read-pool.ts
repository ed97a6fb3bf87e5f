import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readContext, type ReadSetup } from './read-context';
import type { ToWorker } from './read-worker';
import { processReportFile, type FileResult, type ReportFile } from './reports';
import { ReportStager } from './stage';

export interface ReadOptions {
	/** Reader threads; 0 reads in this thread (small inputs: starting threads costs more). */
	workers: number;
	tempDir: string;
	/** Called in file order as results arrive. */
	onFile(src: number, result: FileResult): void;
}

/**
 * Files go to a reader in batches of consecutive files, two batches ahead of its results: with
 * one file a message and one in flight, readers waited for the main thread's reply after every
 * file, and the main thread — a third thread on two busy cores — was often not running to give
 * it (~10% of the readers' time on the province's 15,000 files went to waiting and posting).
 */
const FILES_PER_BATCH = 8;
const BATCHES_IN_FLIGHT = 2;

/**
 * A reader holds a whole file's rows while it validates them, so with V8's default young
 * generation (~16 MB semi-spaces) they outlive a scavenge or two and are copied each time: 96 MB
 * (32 MB semi-spaces) took ~15% off a reader's CPU time on the province, for ~100 MB of memory.
 */
const YOUNG_GENERATION_MB = 96;

/** Below this many files a county's inputs read faster without threads. */
const FILES_PER_WORKER = 64;

/** Threads only pay for their start-up (~0.5 s each, TypeScript included) from two up. */
export function defaultWorkers(files: number): number {
	const n = Math.min(availableParallelism(), 8, Math.floor(files / FILES_PER_WORKER));
	return n >= 2 ? n : 0;
}

/**
 * Reads every report file, in parallel when asked, delivering each file's findings in file
 * order; returns the Parquet parts holding the valid rows.
 */
export async function readReports(files: ReportFile[], setup: ReadSetup, opts: ReadOptions): Promise<string[]> {
	if (opts.workers === 0) {
		const ctx = readContext(setup);
		const stager = await ReportStager.open(ctx.catalog, opts.tempDir);
		files.forEach((file, src) => opts.onFile(src, processReportFile(file, src, ctx, stager)));
		const part = join(opts.tempDir, 'reports-0.parquet');
		await stager.finish(part);
		return [part];
	}
	const pending = new Map<number, FileResult>();
	let delivered = 0;
	let next = 0;
	const deliver = (src: number, result: FileResult) => {
		pending.set(src, result);
		while (pending.has(delivered)) {
			opts.onFile(delivered, pending.get(delivered)!);
			pending.delete(delivered++);
		}
	};
	const runWorker = (id: number) =>
		new Promise<string>((resolve, reject) => {
			const part = join(opts.tempDir, `reports-${id}.parquet`);
			const worker = new Worker(new URL('./read-worker.js', import.meta.url), {
				workerData: { setup, tempDir: opts.tempDir },
				resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
			});
			const send = (msg: ToWorker) => worker.postMessage(msg);
			let finishing = false;
			const feed = () => {
				if (next < files.length) {
					const first = next;
					next = Math.min(files.length, next + FILES_PER_BATCH);
					send({ kind: 'files', first, files: files.slice(first, next) });
				} else if (!finishing) {
					// a reader handles its messages in order: it finishes after the files before it
					finishing = true;
					send({ kind: 'finish', path: part });
				}
			};
			worker.on('message', (msg) => {
				if (msg.kind === 'ready') for (let i = 0; i < BATCHES_IN_FLIGHT; i++) feed();
				else if (msg.kind === 'files') {
					(msg.results as FileResult[]).forEach((result, i) => deliver(msg.first + i, result));
					feed();
				} else if (msg.kind === 'finished') {
					void worker.terminate();
					resolve(part);
				} else if (msg.kind === 'error') {
					void worker.terminate();
					reject(new Error(`report reader failed: ${msg.message}`));
				}
			});
			worker.on('error', reject);
		});
	return Promise.all(Array.from({ length: opts.workers }, (_, id) => runWorker(id)));
}
