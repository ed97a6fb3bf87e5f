import { chanceChunks, type UnitChance } from '../assess/chance';
import type { RankDraws } from '../stats/rank-interval';
import type { ChanceJob, ChanceRequest, ChanceResponse } from './chance-job';

/** What the pool needs of a worker: a browser Worker or a Node worker thread, adapted. */
export interface ChanceWorkerPort {
	post(message: ChanceRequest, transfer?: ArrayBuffer[]): void;
	/** Subscribes to the worker's responses; returns the unsubscribe. */
	listen(handler: (message: ChanceResponse) => void): () => void;
}

/**
 * Shares a rank simulation's chunks out among workers (chunk c to worker c mod W), then has the
 * first worker combine the draws. The chunks' seeded streams make the result independent of W,
 * so two cores or eight print what `kaoping assess` prints. A newer job supersedes an older one:
 * the older promise never settles and its late answers are ignored.
 */
export class ChancePool {
	private latest = 0;

	constructor(private readonly workers: readonly ChanceWorkerPort[]) {
		if (!workers.length) throw new RangeError('a chance pool needs at least one worker');
	}

	run(job: ChanceJob): Promise<Map<string, UnitChance>> {
		this.latest = job.id;
		const chunks = chanceChunks();
		const shares = this.workers
			.map((w, i) => ({ w, chunks: chunks.filter((c) => c % this.workers.length === i) }))
			.filter((s) => s.chunks.length > 0);
		return new Promise((resolve, reject) => {
			const parts: RankDraws[][] = [];
			const stops: (() => void)[] = [];
			const stop = () => stops.forEach((s) => s());
			const first = shares[0].w;
			for (const { w, chunks } of shares) {
				stops.push(
					w.listen((m) => {
						if (m.id !== job.id) return;
						if (this.latest !== job.id) return stop();
						if (m.kind === 'draws') {
							parts.push(m.draws);
							if (parts.length === shares.length) {
								const buffers = parts.flat().flatMap((d) => [d.ranks.buffer, d.tierCount.buffer]);
								first.post({ kind: 'summarise', id: job.id, parts }, buffers as ArrayBuffer[]);
							}
						} else if (w === first) {
							stop();
							resolve(new Map(m.chance));
						}
					})
				);
				w.post({ kind: 'draw', job, chunks });
			}
			if (!shares.length) reject(new Error('no chunks to draw'));
		});
	}
}

/** Workers for this machine: one per core, at least one, at most four (8 chunks to share). */
export function poolSize(hardwareConcurrency: number | undefined): number {
	return Math.min(4, Math.max(1, hardwareConcurrency ?? 2));
}
