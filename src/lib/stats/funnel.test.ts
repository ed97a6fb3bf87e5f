import { describe, expect, it } from 'vitest';
import {
	bandLimits,
	binomialLimit,
	classify,
	funnelCurve,
	funnelLimits,
	pooledProportion,
	proportionToRatio,
	ratioToProportion,
	type FunnelLimits
} from './funnel';

// Independent reference for METHODS §2: the Binomial(n, θ₀) pmf from log-factorials (Kahan sums
// of ln i), the cdf by direct summation from 0, r_p by a linear scan, then α and the limit.
const logFact = new Float64Array(20_001);
{
	let s = 0;
	let c = 0;
	for (let i = 2; i < logFact.length; i++) {
		const y = Math.log(i) - c;
		const t = s + y;
		c = t - s - y;
		s = t;
		logFact[i] = s;
	}
}
function refLimit(theta: number, n: number, p: number): number {
	const clip = (x: number) => Math.min(1, Math.max(0, x));
	if (theta === 0) return 0; // all mass at 0: r_p = 0, α = 1 − p, limit −(1 − p)/n → 0
	if (theta === 1) return clip((n - (1 - p)) / n); // r_p = n, F = f = 1
	let F = 0;
	for (let r = 0; r <= n; r++) {
		const f = Math.exp(
			logFact[n] - logFact[r] - logFact[n - r] + r * Math.log(theta) + (n - r) * Math.log1p(-theta)
		);
		F += f;
		if (F >= p) return clip((r - (F - p) / f) / n);
	}
	return 1;
}
const PROBS = { lower998: 0.001, lower95: 0.025, upper95: 0.975, upper998: 0.999 } as const;

describe('exact binomial limits (METHODS §2)', () => {
	// Worked by hand. θ₀ = ½, n = 1: F(0) = ½, F(1) = 1.
	// θ₀ = 0.9, n = 5: f(1) = 0.00045, f(2) = 0.0081, f(3) = 0.0729, f(5) = 0.59049;
	// F(1) = 0.00046, F(2) = 0.00856, F(3) = 0.08146, F(4) = 0.40951.
	const hand: [number, number, FunnelLimits][] = [
		[0.5, 1, { n: 1, lower998: 0, lower95: 0, upper95: 0.95, upper998: 0.998 }],
		[
			0.9,
			5,
			{
				n: 5,
				lower998: (2 - (0.00856 - 0.001) / 0.0081) / 5,
				lower95: (3 - (0.08146 - 0.025) / 0.0729) / 5,
				upper95: (5 - 0.025 / 0.59049) / 5,
				upper998: (5 - 0.001 / 0.59049) / 5
			}
		]
	];
	it.each(hand)('θ₀ = %d, n = %d by hand', (theta, n, expected) => {
		const got = funnelLimits(theta, n);
		for (const key of Object.keys(PROBS) as (keyof typeof PROBS)[])
			expect(got[key]).toBeCloseTo(expected[key], 12);
	});

	const cases: [number, number][] = [];
	for (const theta of [0, 0.001, 0.02, 0.3, 0.5, 0.85, 0.98, 0.999, 1])
		for (const n of [1, 5, 50, 5000]) cases.push([theta, n]);
	it.each(cases)('θ₀ = %d, n = %d against direct summation', (theta, n) => {
		const got = funnelLimits(theta, n);
		for (const [key, p] of Object.entries(PROBS))
			expect(Math.abs(got[key as keyof typeof PROBS] - refLimit(theta, n, p))).toBeLessThan(1e-11);
		expect(got.lower998).toBeLessThanOrEqual(got.lower95);
		expect(got.lower95).toBeLessThanOrEqual(got.upper95);
		expect(got.upper95).toBeLessThanOrEqual(got.upper998);
	});

	it('is smooth in n where r_p steps (the point of the interpolation)', () => {
		// consecutive n never jump by more than a small fraction of the band width
		let prev = binomialLimit(0.3, 200, 0.975);
		for (let n = 201; n <= 400; n++) {
			const next = binomialLimit(0.3, n, 0.975);
			expect(Math.abs(next - prev)).toBeLessThan(0.002);
			prev = next;
		}
	});

	it('rejects a non-count n and θ₀ outside [0, 1]', () => {
		expect(() => funnelLimits(0.5, 0)).toThrow(RangeError);
		expect(() => funnelLimits(0.5, 2.5)).toThrow(RangeError);
		expect(() => funnelLimits(1.5, 10)).toThrow(RangeError);
	});
});

describe('normal approximation above n = 10,000', () => {
	it('is θ₀ ± z·√(θ₀(1−θ₀)/n) with the METHODS constants', () => {
		const s = Math.sqrt((0.3 * 0.7) / 20_000);
		expect(funnelLimits(0.3, 20_000)).toEqual({
			n: 20_000,
			lower998: 0.3 - 3.090232 * s,
			lower95: 0.3 - 1.959964 * s,
			upper95: 0.3 + 1.959964 * s,
			upper998: 0.3 + 3.090232 * s
		});
	});
	it.each([0.05, 0.3, 0.5, 0.9])('is within 0.1%% of the exact limits at θ₀ = %d', (theta) => {
		const got = funnelLimits(theta, 20_000);
		for (const [key, p] of Object.entries(PROBS)) {
			const exact = refLimit(theta, 20_000, p);
			const gap = Math.abs(got[key as keyof typeof PROBS] - exact);
			expect(gap / Math.min(exact, 1 - exact)).toBeLessThan(0.001);
		}
	});
	it('is not used near 0 where it would be far off (exact limits instead)', () => {
		// n θ₀ = 20 < 2,500: the normal lower 99.8% limit would be 0.000023
		for (const [key, p] of Object.entries(PROBS))
			expect(
				Math.abs(
					funnelLimits(0.001, 20_000)[key as keyof typeof PROBS] - refLimit(0.001, 20_000, p)
				)
			).toBeLessThan(1e-11);
	});
	it('clips to [0, 1]', () => {
		expect(funnelLimits(1, 50_000).upper998).toBeLessThanOrEqual(1);
		expect(funnelLimits(0, 50_000).lower998).toBe(0);
	});
});

describe('band limits and sex ratio (METHODS §1, §2)', () => {
	it('converts ratio ↔ proportion of boys', () => {
		expect(ratioToProportion(103)).toBeCloseTo(0.5074, 4);
		expect(ratioToProportion(107)).toBeCloseTo(0.5169, 4);
		expect(proportionToRatio(0.5)).toBe(100);
		expect(proportionToRatio(ratioToProportion(112.5))).toBeCloseTo(112.5, 12);
		expect(proportionToRatio(1)).toBe(Infinity);
		expect(ratioToProportion(Infinity)).toBe(1);
	});
	it.each([6, 50, 400, 5000])('takes lower limits from low and upper from high at n = %d', (n) => {
		const low = ratioToProportion(103);
		const high = ratioToProportion(107);
		const band = bandLimits(low, high, n);
		expect(band.lower998).toBeCloseTo(refLimit(low, n, 0.001), 11);
		expect(band.lower95).toBeCloseTo(refLimit(low, n, 0.025), 11);
		expect(band.upper95).toBeCloseTo(refLimit(high, n, 0.975), 11);
		expect(band.upper998).toBeCloseTo(refLimit(high, n, 0.999), 11);
	});
	it('flags only outside the band limits', () => {
		const band = bandLimits(ratioToProportion(103), ratioToProportion(107), 5000);
		// 5,000 births: the band's limits are about q ∈ [0.4856, 0.5388] (99.8%) and
		// [0.4935, 0.5308] (95%), i.e. ratios ≈ 94.4–116.8 and 97.4–113.1
		expect(classify(ratioToProportion(120), band)).toBe('above998');
		expect(classify(ratioToProportion(114), band)).toBe('above95');
		expect(classify(ratioToProportion(108), band)).toBe('inside');
		expect(classify(ratioToProportion(103), band)).toBe('inside');
		expect(classify(ratioToProportion(96), band)).toBe('below95');
		expect(classify(ratioToProportion(92), band)).toBe('below998');
	});
	it('rejects an empty band', () => {
		expect(() => bandLimits(0.6, 0.5, 10)).toThrow(RangeError);
	});
});

describe('classify', () => {
	const limits: FunnelLimits = { n: 100, lower998: 0.1, lower95: 0.2, upper95: 0.8, upper998: 0.9 };
	it.each([
		[0.5, 'inside'],
		[0.8, 'inside'],
		[0.85, 'above95'],
		[0.95, 'above998'],
		[0.2, 'inside'],
		[0.15, 'below95'],
		[0.05, 'below998'],
		[NaN, 'inside']
	])('%d is %s', (value, expected) => {
		expect(classify(value, limits)).toBe(expected);
	});
	it('follows METHODS §2 literally at the top of a small funnel', () => {
		// θ₀ = 0.9, n = 5: the interpolated upper limits are 0.9915 (95%) and 0.99966 (99.8%), so a
		// village with 5 of 5 (P(Y = 5) = 0.59) lies "above 99.8%". The interpolation spreads the
		// mass f(r) over (r − 1, r]; the value r/n sits at the top of its cell. As written.
		expect(classify(1, funnelLimits(0.9, 5))).toBe('above998');
	});
});

describe('funnelCurve', () => {
	it('samples integer n on a log scale, ends included, no duplicates', () => {
		const curve = funnelCurve((n) => funnelLimits(0.8, n), 1, 5000, 100);
		expect(curve.n[0]).toBe(1);
		expect(curve.n[curve.n.length - 1]).toBe(5000);
		expect(curve.n.length).toBeLessThanOrEqual(100);
		expect(curve.n.length).toBeGreaterThan(80);
		for (let i = 1; i < curve.n.length; i++) {
			expect(Number.isInteger(curve.n[i])).toBe(true);
			expect(curve.n[i]).toBeGreaterThan(curve.n[i - 1]);
		}
		const i = curve.n.indexOf(50);
		if (i >= 0) expect(curve.upper95[i]).toBeCloseTo(refLimit(0.8, 50, 0.975), 11);
		expect(curve.lower95).toHaveLength(curve.n.length);
	});
	it('copes with a range of one n and with a band', () => {
		const curve = funnelCurve((n) => bandLimits(0.5, 0.52, n), 7, 7);
		expect(curve.n).toEqual([7]);
	});
	it('evaluates 100 n-values × 4 limits up to n = 1e6 (complexity sanity check)', () => {
		const curve = funnelCurve((n) => funnelLimits(0.002, n), 1, 1_000_000, 100);
		// 1, 1, 1, 2, … collapse at the small end after rounding to integers
		expect(curve.n.length).toBeGreaterThan(90);
	});
});

describe('pooledProportion', () => {
	it('is Σy / Σn', () => {
		expect(
			pooledProportion([
				{ y: 1, n: 4 },
				{ y: 9, n: 16 }
			])
		).toBe(0.5);
		expect(pooledProportion([])).toBeNaN();
	});
});
