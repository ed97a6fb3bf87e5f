import { describe, expect, it } from 'vitest';
import {
	binomialCdf,
	binomialLogPmf,
	binomialPmf,
	binomialQuantile,
	binomialSurvival,
	logGamma,
	qbinom
} from './binomial';

// Independent reference: ln k! by Kahan-compensated summation of ln i, and the pmf written out
// as n! / (k! (n−k)!) p^k (1−p)^(n−k) in log space. No code is shared with binomial.ts.
const MAX_N = 1_000_000;
const logFact = new Float64Array(MAX_N + 1);
{
	let s = 0;
	let c = 0;
	for (let i = 2; i <= MAX_N; i++) {
		const y = Math.log(i) - c;
		const t = s + y;
		c = t - s - y;
		s = t;
		logFact[i] = s;
	}
}
const refLogPmf = (k: number, n: number, p: number) =>
	logFact[n] - logFact[k] - logFact[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p);
const refPmf = (k: number, n: number, p: number) => Math.exp(refLogPmf(k, n, p));
/** Σ_{j ≤ k} f(j), every term, smallest first. */
const refCdf = (k: number, n: number, p: number) => {
	let s = 0;
	for (let j = 0; j <= k; j++) s += refPmf(j, n, p);
	return s;
};
/** Σ_{j > k} f(j), every term, smallest first. */
const refSurvival = (k: number, n: number, p: number) => {
	let s = 0;
	for (let j = n; j > k; j--) s += refPmf(j, n, p);
	return s;
};
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logGamma', () => {
	const cases: [number, number][] = [
		[1, 0],
		[2, 0],
		[0.5, Math.log(Math.sqrt(Math.PI))],
		// Γ(n + ½) = (2n)! √π / (4ⁿ n!)
		[10.5, logFact[20] + Math.log(Math.sqrt(Math.PI)) - 10 * Math.log(4) - logFact[10]],
		[0.25, Math.log(3.625609908221908)], // Γ(¼), to 16 digits
		[-0.5, Math.log(2 * Math.sqrt(Math.PI))], // |Γ(−½)| = 2√π
		[11, logFact[10]],
		[101, logFact[100]],
		[5001, logFact[5000]],
		[1_000_001, logFact[1_000_000]]
	];
	it.each(cases)('lnΓ(%d)', (x, expected) => {
		const got = logGamma(x);
		if (expected === 0) expect(Math.abs(got)).toBeLessThan(1e-14);
		else expect(relErr(got, expected)).toBeLessThan(1e-13);
	});
	it('has poles at 0 and the negative integers', () => {
		expect(logGamma(0)).toBe(Infinity);
		expect(logGamma(-3)).toBe(Infinity);
	});
});

describe('binomial pmf', () => {
	const cases: [number, number, number][] = [
		[0, 1, 0.3],
		[1, 1, 0.3],
		[3, 5, 0.5],
		[0, 5, 0.001],
		[5, 5, 0.999],
		[25, 50, 0.5],
		[1, 50, 0.02],
		[49, 50, 0.97],
		[2500, 5000, 0.5],
		[4, 5000, 0.001],
		[4990, 5000, 0.999],
		[2300, 5000, 0.5], // 2.8 sd below the mode
		[500_000, 1_000_000, 0.5],
		[515, 1_000_000, 0.0005],
		[300_500, 1_000_000, 0.3]
	];
	it.each(cases)('f(%d; %d, %d)', (k, n, p) => {
		expect(relErr(binomialPmf(k, n, p), refPmf(k, n, p))).toBeLessThan(n > 10_000 ? 1e-8 : 1e-11);
		expect(Math.abs(binomialLogPmf(k, n, p) - refLogPmf(k, n, p))).toBeLessThan(1e-8);
	});
	it('is 0 outside the support and degenerate at p = 0, 1', () => {
		expect(binomialPmf(-1, 5, 0.5)).toBe(0);
		expect(binomialPmf(6, 5, 0.5)).toBe(0);
		expect(binomialPmf(2.5, 5, 0.5)).toBe(0);
		expect(binomialPmf(0, 5, 0)).toBe(1);
		expect(binomialPmf(1, 5, 0)).toBe(0);
		expect(binomialPmf(5, 5, 1)).toBe(1);
		expect(binomialPmf(0, 0, 0.3)).toBe(1);
	});
	it('rejects a non-count n and a p outside [0, 1]', () => {
		expect(() => binomialPmf(1, 2.5, 0.5)).toThrow(RangeError);
		expect(() => binomialPmf(1, 5, 1.2)).toThrow(RangeError);
	});
});

describe('binomial cdf', () => {
	it.each([
		// exact rationals: Binomial(10, ½) has F(2) = 56/1024; Binomial(5, 0.9) has F(4) = 1 − 0.9⁵
		[2, 10, 0.5, 56 / 1024],
		[4, 5, 0.9, 1 - 0.9 ** 5],
		[0, 1, 0.25, 0.75]
	])('F(%d; %d, %d) exactly', (k, n, p, expected) => {
		expect(relErr(binomialCdf(k, n, p), expected)).toBeLessThan(1e-14);
	});

	const cases: [number, number, number][] = [
		[0, 1, 0.5],
		[0, 5, 0.001],
		[4, 5, 0.999],
		[2, 5, 0.3],
		[10, 50, 0.2],
		[40, 50, 0.9],
		[0, 50, 0.001],
		[2400, 5000, 0.5],
		[2560, 5000, 0.5],
		[12, 5000, 0.001],
		[4985, 5000, 0.999],
		[498_500, 1_000_000, 0.5],
		[501_000, 1_000_000, 0.5],
		[470, 1_000_000, 0.0005]
	];
	it.each(cases)('F(%d; %d, %d) and P(Y > k) against direct summation', (k, n, p) => {
		const F = refCdf(k, n, p);
		const S = refSurvival(k, n, p);
		const tol = n > 10_000 ? 1e-8 : 1e-11;
		// compare the smaller tail relatively: that is the one the funnel's extreme limits need
		if (F < S) expect(relErr(binomialCdf(k, n, p), F)).toBeLessThan(tol);
		else expect(relErr(binomialSurvival(k, n, p), S)).toBeLessThan(tol);
		expect(Math.abs(binomialCdf(k, n, p) + binomialSurvival(k, n, p) - 1)).toBeLessThan(1e-14);
	});
	it('handles the ends of the support', () => {
		expect(binomialCdf(-1, 5, 0.5)).toBe(0);
		expect(binomialCdf(5, 5, 0.5)).toBe(1);
		expect(binomialCdf(2.7, 10, 0.5)).toBe(binomialCdf(2, 10, 0.5));
		expect(binomialCdf(0, 5, 0)).toBe(1);
		expect(binomialCdf(4, 5, 1)).toBe(0);
	});
});

describe('qbinom', () => {
	const brute = (prob: number, n: number, p: number) => {
		let F = 0;
		for (let r = 0; r <= n; r++) {
			F += refPmf(r, n, p);
			if (F >= prob) return r;
		}
		return n;
	};
	const cases: [number, number, number][] = [];
	for (const n of [1, 5, 50, 5000])
		for (const p of [0.001, 0.05, 0.5, 0.9, 0.999])
			for (const prob of [0.001, 0.025, 0.5, 0.975, 0.999]) cases.push([prob, n, p]);
	it.each(cases)('qbinom(%d, %d, %d) is the smallest r with F(r) ≥ p', (prob, n, p) => {
		const q = binomialQuantile(prob, n, p);
		expect(q.r).toBe(brute(prob, n, p));
		expect(relErr(q.pmf, refPmf(q.r, n, p))).toBeLessThan(1e-10);
		expect(q.cdf).toBeGreaterThanOrEqual(prob * (1 - 1e-13));
		expect(q.cdf - q.pmf).toBeLessThan(prob * (1 + 1e-13));
	});
	it('finds quantiles at n = 1e6', () => {
		const r = qbinom(0.975, 1_000_000, 0.5);
		expect(binomialCdf(r, 1_000_000, 0.5)).toBeGreaterThanOrEqual(0.975);
		expect(binomialCdf(r - 1, 1_000_000, 0.5)).toBeLessThan(0.975);
		expect(r).toBe(500_980); // 500000 + 1.96 · 500, rounded up
	});
	it('is degenerate at the edges', () => {
		expect(qbinom(0.5, 10, 0)).toBe(0);
		expect(qbinom(0.5, 10, 1)).toBe(10);
		expect(qbinom(0, 10, 0.5)).toBe(0);
		expect(qbinom(1, 10, 0.5)).toBe(10);
	});
	it('stays cheap: 400 quantiles up to n = 1e6 (complexity sanity check, no timing assert)', () => {
		let total = 0;
		for (let i = 0; i < 100; i++) {
			const n = Math.round(10 ** (1 + (5 * i) / 99));
			for (const prob of [0.001, 0.025, 0.975, 0.999]) total += qbinom(prob, n, 0.3);
		}
		expect(total).toBeGreaterThan(0);
	});
});
