// A Node worker thread running the chance workers' handler, for `npm run bench:assess`: the
// benchmark measures the page's pool (src/lib/app/chance-pool.ts) with the same code.
import { parentPort } from 'node:worker_threads';
import { chanceWorker, type ChanceRequest } from '../src/lib/app/chance-job';

const handle = chanceWorker();
parentPort!.on('message', (request: ChanceRequest) => {
	const { response, transfer } = handle(request);
	parentPort!.postMessage(response, transfer);
});
