import { parentPort, workerData } from 'node:worker_threads';
import { readContext, type ReadSetup } from './read-context';
import { processReportFile, type ReportFile } from './reports';
import { ReportStager } from './stage';

/**
 * A reader thread: parses and validates the report files it is sent, stages valid rows in its
 * own DuckDB and, when told to finish, writes them to a Parquet part for the main build.
 */
export type ToWorker =
	/** Consecutive files: files[i] is file number first + i. */
	| { kind: 'files'; first: number; files: ReportFile[] }
	| { kind: 'finish'; path: string };

const { setup, tempDir } = workerData as { setup: ReadSetup; tempDir: string };
const ctx = readContext(setup);
const stager = await ReportStager.open(ctx.catalog, tempDir);
const port = parentPort!;

port.on('message', async (msg: ToWorker) => {
	try {
		if (msg.kind === 'files') {
			const results = msg.files.map((file, i) => processReportFile(file, msg.first + i, ctx, stager));
			port.postMessage({ kind: 'files', first: msg.first, results });
		} else {
			await stager.finish(msg.path);
			port.postMessage({ kind: 'finished', rows: stager.rows });
		}
	} catch (e) {
		port.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) });
	}
});
port.postMessage({ kind: 'ready' });
