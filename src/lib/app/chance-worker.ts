/// <reference lib="webworker" />
import { chanceWorker, type ChanceRequest } from './chance-job';

/**
 * Rank intervals off the main thread: 1,000 seeded simulations of a province's townships take
 * over a second on one core, which the page must not freeze for; the pool shares the chunks out
 * among a few of these. Same pure functions as `kaoping assess`.
 */
const handle = chanceWorker();
self.onmessage = (e: MessageEvent<ChanceRequest>) => {
	const { response, transfer } = handle(e.data);
	self.postMessage(response, transfer);
};
