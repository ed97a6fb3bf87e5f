import {
	chanceDraws,
	chanceFromDraws,
	type ChanceOptions,
	type UnitChance
} from '../assess/chance';
import type { Assessment } from '../assess';
import type { Catalog } from '../config/catalog-schema';
import type { Scheme } from '../config/scheme';
import { parsePeriod } from '../periods';
import type { RankDraws } from '../stats/rank-interval';

/**
 * The messages between the page and its chance workers (rank intervals, METHODS §4), and what a
 * worker does with them. Kept apart from the Worker glue so the Node benchmark's worker threads
 * run exactly this code.
 */
export interface ChanceJob {
	id: number;
	/** The assessment as JSON: its units build their indicator detail lazily, which JSON keeps. */
	assessment: string;
	scheme: Scheme;
	catalog: Catalog;
	period: string;
	/** Unit code → the group it is ranked in (its county). */
	groups: [string, string][];
}

export type ChanceRequest =
	/** Draw these chunks of the job's simulation. */
	| { kind: 'draw'; job: ChanceJob; chunks: number[] }
	/** Combine every worker's draws of job `id` (this worker drew a share of it last). */
	| { kind: 'summarise'; id: number; parts: RankDraws[][] };

export type ChanceResponse =
	| { kind: 'draws'; id: number; draws: RankDraws[] }
	| { kind: 'chance'; id: number; chance: [string, UnitChance][] };

/** A worker's handler: remembers the job it drew last, so a summary needs no second copy. */
export function chanceWorker(): (request: ChanceRequest) => {
	response: ChanceResponse;
	transfer: ArrayBuffer[];
} {
	let last: { id: number; args: Parameters<typeof chanceDraws>; opts: ChanceOptions } | null = null;
	return (request) => {
		if (request.kind === 'draw') {
			const { job, chunks } = request;
			const group = new Map(job.groups);
			const period = parsePeriod(job.period);
			if (!period) throw new Error(`not a period: ${job.period}`);
			const opts: ChanceOptions = { groupOf: (u) => group.get(u.code) ?? '' };
			const assessment = JSON.parse(job.assessment) as Assessment;
			const args: Parameters<typeof chanceDraws> = [
				assessment,
				job.scheme,
				job.catalog,
				period,
				chunks,
				opts
			];
			last = { id: job.id, args, opts };
			const draws = chanceDraws(...args);
			const transfer = draws.flatMap((d) => [
				d.ranks.buffer as ArrayBuffer,
				d.tierCount.buffer as ArrayBuffer
			]);
			return { response: { kind: 'draws', id: job.id, draws }, transfer };
		}
		if (!last || last.id !== request.id)
			throw new Error(`summary of job ${request.id} sent to a worker that did not draw it`);
		const [assessment, scheme, catalog, period] = last.args;
		const chance = chanceFromDraws(assessment, scheme, catalog, period, request.parts, last.opts);
		return { response: { kind: 'chance', id: request.id, chance: [...chance] }, transfer: [] };
	};
}
