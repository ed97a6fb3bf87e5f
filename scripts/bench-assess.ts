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

// Rank intervals (METHODS §4): 1,000 seeded simulations, as the worker runs them for the page
function measureIntervals(name: string, towns: number, target: number, runs = 5) {
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
	chanceOf(a, scheme2024, catalog, periods[2]); // warm
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		chanceOf(a, scheme2024, catalog, periods[2]);
		times.push(performance.now() - start);
	}
	const p50 = quantile(times, 0.5);
	console.log(
		`${name}: p50 ${p50.toFixed(1)} ms (${runs} runs; target < ${target} ms) ${p50 < target ? 'met' : 'MISSED'}`
	);
}
console.log('rank intervals and funnel places, 1,000 simulations (the page runs this in a worker)');
measureIntervals('19 townships', 19, 50, 21);
measureIntervals('1,500 townships (one ranking)', 1500, 1000);
