import { describe, expect, it } from 'vitest';
import {
	clearlySeparated,
	drawRanks,
	rankIntervals,
	simulationChunks,
	summariseRanks,
	separatedPairs,
	type RankCell,
	type RankIndicator,
	type RankIntervalInput
} from './rank-interval';

const pct = (y: number, n: number): RankCell => ({ y, n, value: (100 * y) / n });
const sumScore = (_u: number, v: Float64Array) => v.reduce((s, x) => s + x, 0);
const proportions = (k: number): RankIndicator[] =>
	Array.from({ length: k }, () => ({ kind: 'proportion', scale: 100 }));

/** 19 townships, 3 percentage indicators, denominators 30…600, rates 60…95%. */
function townships(): RankIntervalInput {
	const cells = Array.from({ length: 19 }, (_, u) =>
		[0, 1, 2].map((k) => {
			const n = 30 + ((u * 37 + k * 101) % 571);
			return pct(Math.round(n * (0.6 + (0.35 * ((u * 7 + k * 5) % 19)) / 18)), n);
		})
	);
	return { indicators: proportions(3), cells, score: sumScore, simulations: 1000, seed: 7 };
}

describe('rankIntervals (METHODS §4)', () => {
	it('is deterministic for a seed', () => {
		const a = rankIntervals(townships());
		const b = rankIntervals(townships());
		expect(a).toEqual(b);
		const c = rankIntervals({ ...townships(), seed: 8 });
		expect(c.units.map((u) => u.pointRank)).toEqual(a.units.map((u) => u.pointRank));
		expect(c.units).not.toEqual(a.units);
	});

	it('gives the same figures whichever way its chunks are shared out among workers', () => {
		const input = { ...townships(), simulations: 1000 };
		const serial = rankIntervals(input);
		expect(simulationChunks(1000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		// two workers taking every other chunk, their answers arriving in reverse order
		const even = drawRanks(input, [0, 2, 4, 6]);
		const odd = drawRanks(input, [1, 3, 5, 7]);
		expect(summariseRanks(input, [odd, even])).toEqual(serial);
		const three = [
			[7, 0],
			[3, 5, 1],
			[2, 4, 6]
		].map((c) => drawRanks(input, c));
		expect(summariseRanks(input, three)).toEqual(serial);
		// chunks draw from different streams: no two chunks hold the same ranks
		const [a, b] = [drawRanks(input, [0]), drawRanks(input, [1])];
		expect(a.ranks).not.toEqual(b.ranks);
	});

	it('refuses draws that miss or repeat a chunk', () => {
		const input = { ...townships(), simulations: 300 };
		expect(simulationChunks(300)).toEqual([0, 1, 2]);
		expect(drawRanks(input, [2]).simulations).toBe(50);
		expect(() => summariseRanks(input, [drawRanks(input, [0, 1])])).toThrow(/chunks/);
		expect(() =>
			summariseRanks(input, [drawRanks(input, [0, 1, 2]), drawRanks(input, [1])])
		).toThrow(/chunks/);
		expect(() => drawRanks(input, [3])).toThrow(RangeError);
	});

	it('gives intervals that contain the observed (point) rank', () => {
		const result = rankIntervals(townships());
		expect(result.simulations).toBe(1000);
		for (const u of result.units) {
			expect(Number.isInteger(u.lower) && Number.isInteger(u.upper)).toBe(true);
			expect(u.lower).toBeLessThanOrEqual(u.pointRank);
			expect(u.pointRank).toBeLessThanOrEqual(u.upper);
			expect(u.lower).toBeGreaterThanOrEqual(1);
			expect(u.upper).toBeLessThanOrEqual(19);
		}
	});

	it('computes point ranks with average ranks for ties, highest first', () => {
		const cells = [[pct(5, 10)], [pct(8, 10)], [pct(5, 10)], [pct(2, 10)]];
		const r = rankIntervals({
			indicators: proportions(1),
			cells,
			score: sumScore,
			simulations: 10
		});
		expect(r.units.map((u) => u.pointRank)).toEqual([2.5, 1, 2.5, 4]);
		const low = rankIntervals({
			indicators: proportions(1),
			cells,
			score: sumScore,
			simulations: 10,
			higherIsBetter: false
		});
		expect(low.units.map((u) => u.pointRank)).toEqual([2.5, 4, 2.5, 1]);
	});

	it('overlaps for identical rates on tiny counts', () => {
		const cells = [[pct(2, 4)], [pct(2, 4)], [pct(3, 6)], [pct(1, 3)]];
		const r = rankIntervals({ indicators: proportions(1), cells, score: sumScore, seed: 1 });
		expect(clearlySeparated(r.units[0], r.units[1])).toBe(false);
		expect(separatedPairs(r.units)).toEqual([]);
		// with a handful of events every unit can land anywhere
		for (const u of r.units) expect([u.lower, u.upper]).toEqual([1, 4]);
	});

	it('separates clearly different rates on large counts', () => {
		const cells = [[pct(8000, 10_000)], [pct(9000, 10_000)], [pct(8990, 10_000)]];
		const r = rankIntervals({ indicators: proportions(1), cells, score: sumScore, seed: 1 });
		expect(r.units[0]).toMatchObject({ pointRank: 3, lower: 3, upper: 3 });
		expect(clearlySeparated(r.units[0], r.units[1])).toBe(true);
		// 90.0% and 89.9% on 10,000 each are not separable (a difference of 0.3 standard errors)
		expect(clearlySeparated(r.units[1], r.units[2])).toBe(false);
		expect(separatedPairs(r.units)).toEqual([
			[1, 0],
			[2, 0]
		]);
	});

	it('gives tier probabilities from a rank → tier function', () => {
		const cells = [[pct(9500, 10_000)], [pct(50, 100)], [pct(51, 100)], [pct(49, 100)]];
		const r = rankIntervals({
			indicators: proportions(1),
			cells,
			score: sumScore,
			seed: 3,
			tierOf: (rank) => (rank <= 1 ? 'first' : rank > 3 ? 'last' : null)
		});
		expect(r.tiers).toEqual(['first', 'last']);
		expect(r.units[0].tierProbabilities).toEqual({ first: 1, last: 0 });
		for (const u of r.units.slice(1)) {
			expect(u.tierProbabilities.first).toBe(0);
			// three units of 100 with rates 49–51%: each is last in roughly a third of simulations
			expect(u.tierProbabilities.last).toBeGreaterThan(0.2);
			expect(u.tierProbabilities.last).toBeLessThan(0.5);
		}
		const lastShares = r.units.reduce((s, u) => s + u.tierProbabilities.last, 0);
		expect(lastShares).toBeCloseTo(1, 12);
	});

	it('draws from the Jeffreys posterior Beta(y + ½, n − y + ½) on the caller’s scale', () => {
		// record what score() sees for one cell; compare with the Beta(3.5, 17.5) moments × 100
		const seen: number[] = [];
		const S = 4000;
		rankIntervals({
			indicators: proportions(1),
			cells: [[pct(3, 20)], [pct(10, 20)]],
			score: (u, v) => (u === 0 && seen.push(v[0]), v[0]),
			simulations: S,
			seed: 11
		});
		const draws = seen.slice(1); // the first call scores the observed values
		expect(draws).toHaveLength(S);
		const mean = draws.reduce((s, x) => s + x, 0) / S;
		const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / S;
		const [a, b] = [3.5, 17.5];
		const expectedVar = (1e4 * a * b) / ((a + b) ** 2 * (a + b + 1));
		expect(Math.abs(mean - (100 * a) / (a + b))).toBeLessThan(5 * Math.sqrt(expectedVar / S));
		expect(Math.abs(variance / expectedVar - 1)).toBeLessThan(0.1);
	});

	it('draws the sex ratio through the proportion of boys, and keeps fixed values', () => {
		const seen: [number, number][] = [];
		rankIntervals({
			indicators: [{ kind: 'sex_ratio' }, { kind: 'fixed' }],
			// 520 boys, 480 girls: ratio 108.3; the fixed indicator is money (fee collection)
			cells: [[{ y: 520, n: 1000, value: 108.33 }, { value: 61.5 }]],
			score: (_u, v) => (seen.push([v[0], v[1]]), 0),
			simulations: 500
		});
		for (const [ratio, fee] of seen.slice(1)) {
			// ±4.5 standard deviations of q (sd 0.0158): q ∈ 0.449…0.591, ratio 81.5…144.5
			expect(ratio).toBeGreaterThan(81.5);
			expect(ratio).toBeLessThan(144.5);
			expect(fee).toBe(61.5);
		}
		// E[100q/(1−q)] ≈ r(μ) + ½ r''(μ) σ² = 108.32 + ½ · 200/0.48³ · 0.00025 ≈ 108.55; the
		// mean of 500 draws has a standard error of about 0.33
		const mean = seen.slice(1).reduce((s, [r]) => s + r, 0) / 500;
		expect(Math.abs(mean - 108.55)).toBeLessThan(1.5);
	});

	it('keeps the observed value when the denominator is 0', () => {
		const seen: number[] = [];
		rankIntervals({
			indicators: proportions(1),
			cells: [[{ y: 0, n: 0, value: NaN }], [pct(1, 2)]],
			score: (u, v) => (u === 0 && seen.push(v[0]), 0),
			simulations: 5
		});
		expect(seen.every(Number.isNaN)).toBe(true);
	});

	it('rejects inputs that cannot be right', () => {
		const base = { indicators: proportions(1), score: sumScore, simulations: 5 };
		// a percentage scored against draws on 0…1: the scale is missing
		expect(() =>
			rankIntervals({ ...base, indicators: [{ kind: 'proportion' }], cells: [[pct(5, 10)]] })
		).toThrow(/scale/);
		expect(() => rankIntervals({ ...base, cells: [[{ y: 11, n: 10, value: 110 }]] })).toThrow(
			RangeError
		);
		expect(() => rankIntervals({ ...base, cells: [[pct(1, 2), pct(1, 2)]] })).toThrow(RangeError);
		expect(() => rankIntervals({ ...base, cells: [[pct(1, 2)]], simulations: 0 })).toThrow(
			RangeError
		);
	});

	it('runs 1,500 units × 8 indicators × 1,000 simulations (complexity sanity check)', () => {
		const weights = [20, 15, 15, 15, 10, 10, 5, 10];
		const indicators: RankIndicator[] = weights.map((_, k) =>
			k === 3
				? { kind: 'fixed' }
				: k === 4
					? { kind: 'sex_ratio' }
					: { kind: 'proportion', scale: 100 }
		);
		const cells = Array.from({ length: 1500 }, (_, u) =>
			weights.map((_, k): RankCell => {
				const n = 20 + ((u * 131 + k * 977) % 2980);
				if (k === 3) return { value: 50 + ((u * 7) % 50) };
				if (k === 4) {
					const boys = Math.round(n * 0.515);
					return { y: boys, n, value: (100 * boys) / (n - boys) };
				}
				return pct(Math.round(n * (0.6 + 0.35 * (((u + k) * 0.618) % 1))), n);
			})
		);
		const score = (_u: number, v: Float64Array) => {
			let s = 0;
			for (let k = 0; k < 8; k++) {
				if (k === 4) {
					const off = v[k] < 103 ? 103 - v[k] : v[k] > 107 ? v[k] - 107 : 0;
					s += weights[k] * Math.max(0, 1 - off / 10);
				} else s += weights[k] * Math.min(1, Math.max(0, (v[k] - 60) / 35));
			}
			return s;
		};
		const r = rankIntervals({
			indicators,
			cells,
			score,
			seed: 2024,
			tierOf: (x) => (x <= 10 ? 'top' : null)
		});
		expect(r.units).toHaveLength(1500);
		expect(r.units.reduce((s, u) => s + u.tierProbabilities.top, 0)).toBeCloseTo(10, 9);
	});
});

describe('clearlySeparated', () => {
	it.each([
		[{ lower: 1, upper: 3 }, { lower: 4, upper: 6 }, true],
		[{ lower: 4, upper: 6 }, { lower: 1, upper: 3 }, true],
		[{ lower: 1, upper: 3 }, { lower: 3, upper: 6 }, false],
		[{ lower: 2, upper: 8 }, { lower: 4, upper: 5 }, false]
	])('%j vs %j → %s', (a, b, expected) => {
		expect(clearlySeparated(a, b)).toBe(expected);
	});
});
