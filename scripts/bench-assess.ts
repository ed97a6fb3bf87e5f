// `npm run bench:assess`: the assessment recomputed from cached values after a weight change
// (no query): the county's townships and a province's 25,000 villages. Pure TypeScript, run in
// Node — the same function the browser runs. Prints medians and p95 of repeated runs.
import { assessPrepared, prepare } from '../src/lib/assess/index';
import {
	catalog,
	county,
	noisyValues,
	period,
	scheme2024,
	withScheme
} from '../src/lib/assess/fixture';
import type { Unit } from '../src/lib/assess/types';

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
