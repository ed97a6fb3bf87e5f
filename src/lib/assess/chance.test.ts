import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../query/types';
import {
	chanceCaveat,
	chanceChunks,
	chanceDraws,
	chanceFromDraws,
	chanceOf,
	weightSensitivityOf
} from './chance';
import { catalog, county, period, rowsFor, scheme2024, withScheme } from './fixture';
import { assess } from './index';

/** Township rows with every indicator at full marks but policy compliance of `y` in `n`. */
function township(code: string, y: number, n: number): IndicatorRow[] {
	return rowsFor(code, '2024').map((r) =>
		r.indicator === 'policy_compliance_rate'
			? { ...r, numerator: y, denominator: n, value: (y / n) * 100 }
			: r
	);
}

function judged(counts: [number, number][]) {
	const units = county('990101', counts.length);
	const towns = units.filter((u) => u.level === 'township');
	const values = towns.flatMap((u, i) => township(u.code, ...counts[i]));
	const a = assess(values, scheme2024, {
		catalog,
		units,
		level: 'township',
		period: period('2024')
	});
	return {
		a,
		towns,
		chance: () => chanceOf(a, scheme2024, catalog, period('2024'), { simulations: 400, seed: 7 })
	};
}

describe('rank intervals and funnel places (METHODS §2, §4)', () => {
	it('are the same for the same seed, and contain the official rank', () => {
		const { a, chance } = judged([
			[80, 100],
			[85, 100],
			[88, 100],
			[90, 100],
			[75, 100]
		]);
		const first = chance();
		expect(chance()).toEqual(first);
		for (const u of a.units) {
			const [lo, hi] = first.get(u.code)!.rank_interval;
			expect(lo).toBeLessThanOrEqual(u.rank!);
			expect(hi).toBeGreaterThanOrEqual(u.rank!);
		}
	});

	it('are the same when the chunks are drawn by several workers (as the browser does)', () => {
		const { a } = judged([
			[80, 100],
			[85, 100],
			[88, 100],
			[90, 100],
			[75, 100]
		]);
		const args = [a, scheme2024, catalog, period('2024')] as const;
		const chunks = chanceChunks();
		expect(chunks).toHaveLength(8);
		const shares = [0, 1].map((w) =>
			chanceDraws(
				...args,
				chunks.filter((c) => c % 2 === w),
				{}
			)
		);
		expect(chanceFromDraws(...args, shares.reverse())).toEqual(chanceOf(...args));
	});

	it('two townships with identical rates on tiny counts cannot be told apart; on large counts with different rates they can', () => {
		const tiny = judged([
			[4, 5],
			[4, 5],
			[3, 5]
		]);
		const t = tiny.chance();
		const [x, y] = tiny.towns.map((u) => t.get(u.code)!.rank_interval);
		expect(Math.max(x[0], y[0])).toBeLessThanOrEqual(Math.min(x[1], y[1])); // overlapping
		const large = judged([
			[4500, 5000],
			[3500, 5000]
		]);
		const l = large.chance();
		const [p, q] = large.towns.map((u) => l.get(u.code)!.rank_interval);
		expect(p[1]).toBeLessThan(q[0]); // clearly separated: 1 and 2
	});

	it('flags a township far above its peers above the 99.8% limit, with limits on the % scale', () => {
		// nine alike and one far above: pooled 86.4%, the nine within chance of it
		const alike = Array.from({ length: 9 }, (): [number, number] => [850, 1000]);
		const { towns, chance } = judged([...alike, [990, 1000]]);
		const c = chance();
		const high = c.get(towns[9].code)!.indicators.policy_compliance_rate;
		expect(high.funnel).toBe('above998');
		expect(high.limits95![0]).toBeLessThan(high.limits95![1]);
		expect(high.limits998![1]).toBeLessThan(99);
		expect(c.get(towns[0].code)!.indicators.policy_compliance_rate.funnel).toBe('inside');
		// money is not a count of events: no funnel
		expect(c.get(towns[0].code)!.indicators.fee_collection_rate.funnel).toBeNull();
	});
});

describe('chance marks on cards', () => {
	it('a yellow card for checkups just under the arrears line on a few checks carries the caveat; far under on many does not', () => {
		const units = county('990101', 3);
		const towns = units.filter((u) => u.level === 'township');
		// 环孕情服务到位率: the arrears line is 60% of the 15 points, at 81% (floor 60, target 95)
		const rows = (code: string, y: number, n: number) =>
			rowsFor(code, '2024').map((r) =>
				r.indicator === 'checkup_rate'
					? { ...r, numerator: y, denominator: n, value: (y / n) * 100 }
					: r
			);
		const values = [
			...rows(towns[0].code, 15, 20),
			...rows(towns[1].code, 500, 1000),
			...rows(towns[2].code, 19, 20)
		];
		// one tier for all: no township is black for its place, only its arrears count here
		const oneTier = withScheme({ tiers: [{ name: '全部', name_en: 'all', ranks: '1-99' }] });
		const a = assess(values, oneTier, {
			catalog,
			units,
			level: 'township',
			period: period('2024')
		});
		const at = (i: number) => a.units.find((u) => u.code === towns[i].code)!;
		expect(at(0).card).toBe('yellow');
		expect(chanceCaveat(at(0), catalog)?.indicator).toBe('checkup_rate'); // 75% of 20: chance
		expect(at(1).card).toBe('yellow');
		expect(chanceCaveat(at(1), catalog)).toBeNull(); // 50% of 1,000: real
		expect(chanceCaveat(at(2), catalog)).toBeNull(); // no card
	});
});

describe('weight sensitivity (METHODS §5)', () => {
	it('keeps a clear leader first, lets close neighbours trade places, and is the same for a seed', () => {
		const units = county('990101', 4);
		const towns = units.filter((u) => u.level === 'township');
		const values = towns.flatMap((u, i) =>
			rowsFor(u.code, '2024', {
				policy_compliance_rate: [95, 80, 78, 70][i],
				checkup_rate: [96, 80, 84, 70][i]
			})
		);
		const a = assess(values, scheme2024, {
			catalog,
			units,
			level: 'township',
			period: period('2024')
		});
		const s = weightSensitivityOf(a.units, scheme2024, 'township', { runs: 300, seed: 3 });
		expect(weightSensitivityOf(a.units, scheme2024, 'township', { runs: 300, seed: 3 })).toEqual(s);
		const at = (i: number) => s.units.find((u) => u.code === towns[i].code)!;
		expect(at(0).range).toEqual([1, 1]);
		expect(at(3).range).toEqual([4, 4]);
		// 80/80 against 78/84: the weights decide which is second
		expect(at(1).range[1] - at(1).range[0] + at(2).range[1] - at(2).range[0]).toBeGreaterThan(0);
	});
});
