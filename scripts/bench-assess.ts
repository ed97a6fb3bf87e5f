// `npm run bench:assess`: the assessment recomputed from cached values after a weight change
// (no query): the county's townships and a province's 25,000 villages. Pure TypeScript, run in
// Node — the same function the browser runs. Prints medians and p95 of repeated runs.
import { assessPrepared, prepare } from '../src/lib/assess/index';
import { chanceOf } from '../src/lib/assess/chance';
import {
	catalog,
	county,
	noisyValues,
	period,
	scheme2024,
	withScheme
} from '../src/lib/assess/fixture';
import type { Unit } from '../src/lib/assess/types';
import { ChancePool, poolSize, type ChanceWorkerPort } from '../src/lib/app/chance-pool';
import type { ChanceResponse } from '../src/lib/app/chance-job';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const periods = ['2023', '2024H1', '2024'].map(period);
const reweighted = withScheme({
	indicators: {
		...scheme2024.indicators,
		policy_compliance_rate: { ...scheme2024.indicators.policy_compliance_rate, weight: 15 },
		checkup_rate: { ...scheme2024.indicators.checkup_rate, weight: 20 }
	}
});

const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function measure(
	name: string,
	units: Unit[],
	level: 'township' | 'village',
	target: number,
	runs = 31
) {
	const prepared = prepare(noisyValues(units, level, periods), {
		catalog,
		units,
		level,
		period: periods[2],
		history: periods.slice(0, 2).map((p) => ({ period: p }))
	});
	for (let i = 0; i < 3; i++) assessPrepared(prepared, reweighted); // warm the JIT
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		assessPrepared(prepared, reweighted);
		times.push(performance.now() - start);
	}
	const p50 = quantile(times, 0.5);
	console.log(
		`${name}: p50 ${p50.toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms (${runs} runs; target p50 < ${target} ms) ${p50 < target ? 'met' : 'MISSED'}`
	);
}

console.log('assessment recomputed after a weight change (no query)');
measure('county, 19 townships', county('990101', 19), 'township', 5);
measure(
	'province, 25,000 villages',
	Array.from({ length: 50 }, (_, c) => county(`99${1000 + c}`, 25, 20)).flat(),
	'village',
	50
);

// Rank intervals (METHODS §4): 1,000 seeded simulations, on the page shared out among a pool of
// workers (one per core, at most 4), here Node worker threads running the same handler
function threadPort(): ChanceWorkerPort & { worker: Worker } {
	const worker = new Worker(new URL('./chance-thread.js', import.meta.url));
	return {
		worker,
		post: (message, transfer = []) => worker.postMessage(message, transfer),
		listen: (handler: (m: ChanceResponse) => void) => {
			worker.on('message', handler);
			return () => worker.off('message', handler);
		}
	};
}

const workers = poolSize(availableParallelism());
const ports = Array.from({ length: workers }, threadPort);
const pool = new ChancePool(ports);
let jobId = 0;

async function measureIntervals(name: string, towns: number, target: number, runs = 5) {
	const units = county('990101', towns);
	// the noisy values as counts: proportions of 1,000 events, sex ratios over 500 girls
	const values = noisyValues(units, 'township', periods).map((r) => {
		if (r.value === null || r.indicator === 'out_policy_multi_births') return r;
		if (r.indicator === 'sex_ratio_at_birth') {
			const boys = Math.round(r.value * 5);
			return { ...r, numerator: boys, denominator: 500, value: (boys / 500) * 100 };
		}
		const y = Math.min(1000, Math.max(0, Math.round(r.value * 10)));
		return { ...r, numerator: y, denominator: 1000, value: y / 10 };
	});
	const prepared = prepare(values, {
		catalog,
		units,
		level: 'township',
		period: periods[2],
		history: periods.slice(0, 2).map((p) => ({ period: p }))
	});
	const a = assessPrepared(prepared, scheme2024);
	const groups: [string, string][] = a.units.map((u) => [u.code, u.parent_code ?? '']);
	// as the page does: serialise the assessment, draw in the pool, combine in its first worker
	const run = () =>
		pool.run({
			id: ++jobId,
			assessment: JSON.stringify(a),
			scheme: scheme2024,
			catalog,
			period: '2024',
			groups
		});
	const serial = chanceOf(a, scheme2024, catalog, periods[2]); // warm this thread's JIT too
	if (JSON.stringify([...(await run())]) !== JSON.stringify([...serial]))
		throw new Error('the pool and one thread disagree');
	const times: number[] = [];
	const serialTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		let start = performance.now();
		await run();
		times.push(performance.now() - start);
		start = performance.now();
		chanceOf(a, scheme2024, catalog, periods[2]);
		serialTimes.push(performance.now() - start);
	}
	const p50 = quantile(times, 0.5);
	console.log(
		`${name}: p50 ${p50.toFixed(1)} ms in ${workers} workers (one thread: ${quantile(serialTimes, 0.5).toFixed(1)} ms; ${runs} runs; target < ${target} ms) ${p50 < target ? 'met' : 'MISSED'}`
	);
}
console.log('rank intervals and funnel places, 1,000 simulations, off the main thread');
await measureIntervals('19 townships', 19, 50, 21);
await measureIntervals('1,500 townships (one ranking)', 1500, 1000);
await Promise.all(ports.map((p) => p.worker.terminate()));
