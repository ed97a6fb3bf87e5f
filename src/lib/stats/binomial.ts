/**
 * Binomial distribution for funnel limits (METHODS §2): log-gamma, pmf, cdf and quantile.
 *
 * Stable for n up to 1e6 and beyond: the pmf uses Loader's saddle-point form (the algorithm behind
 * R's dbinom), so it never forms n! or p^k directly, and the cdf sums the smaller tail outward
 * from k with the ratio recurrence f(j−1)/f(j) = j(1−p) / ((n−j+1)p), stopping once terms no
 * longer change the sum. Work is O(√(n p (1−p))) per call, not O(n).
 */
import { qnorm } from './normal';

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LN_2PI = Math.log(2 * Math.PI);

// Lanczos approximation, g = 7, nine coefficients (relative error ≈ 1e-15 for x > 0.5).
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];

/** ln Γ(x) for x > 0 (and for negative non-integers via reflection: ln |Γ(x)|). */
export function logGamma(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x <= 0 && Number.isInteger(x)) return Infinity; // poles at 0, −1, −2, …
	if (x < 0.5) {
		// Reflection Γ(x)Γ(1−x) = π / sin(πx).
		return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	}
	const z = x - 1;
	let a = LANCZOS[0];
	const t = z + 7.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
	return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling-formula error ln(n!) − [(n + ½) ln n − n + ln √(2π)]; series above 15 (Loader 2000). */
function stirlerr(n: number): number {
	if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
	const nn = n * n;
	const s0 = 1 / 12;
	const s1 = 1 / 360;
	const s2 = 1 / 1260;
	const s3 = 1 / 1680;
	const s4 = 1 / 1188;
	if (n > 500) return (s0 - s1 / nn) / n;
	if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x ln(x/m) + m − x, by a series when x ≈ m where the direct form cancels. */
function bd0(x: number, m: number): number {
	if (Math.abs(x - m) < 0.1 * (x + m)) {
		let v = (x - m) / (x + m);
		let s = (x - m) * v;
		let ej = 2 * x * v;
		v *= v;
		for (let j = 1; j < 1000; j++) {
			ej *= v;
			const s1 = s + ej / (2 * j + 1);
			if (s1 === s) return s1;
			s = s1;
		}
		return s;
	}
	return x * Math.log(x / m) + m - x;
}

/** ln P(Y = k) for Y ~ Binomial(n, p); −Infinity where the mass is 0. k and n are integers. */
export function binomialLogPmf(k: number, n: number, p: number): number {
	checkArgs(n, p);
	if (!Number.isInteger(k) || k < 0 || k > n) return -Infinity;
	const q = 1 - p;
	if (p === 0) return k === 0 ? 0 : -Infinity;
	if (q === 0) return k === n ? 0 : -Infinity;
	if (k === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
	if (k === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
	const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
	const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
	return lc - 0.5 * lf;
}

/** P(Y = k) for Y ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
	return Math.exp(binomialLogPmf(k, n, p));
}

/** The most probable count, ⌊(n + 1) p⌋ clipped to [0, n]: where the cdf switches tails. */
function mode(n: number, p: number): number {
	return Math.min(n, Math.floor((n + 1) * p));
}

// A term smaller than this share of the running sum cannot change it in double precision.
const NEGLIGIBLE = 1e-17;

/** Σ_{j ≤ k} f(j), summed downward from k (accurate when k is below the mode). */
function lowerTail(k: number, n: number, p: number): number {
	let t = binomialPmf(k, n, p);
	let s = t;
	const r = (1 - p) / p;
	for (let j = k; j > 0 && t > s * NEGLIGIBLE; j--) {
		t *= (j * r) / (n - j + 1);
		s += t;
	}
	return s;
}

/** Σ_{j > k} f(j), summed upward from k + 1 (accurate when k is at or above the mode). */
function upperTail(k: number, n: number, p: number): number {
	let j = k + 1;
	let t = binomialPmf(j, n, p);
	let s = t;
	const r = p / (1 - p);
	for (; j < n && t > s * NEGLIGIBLE; j++) {
		t *= ((n - j) * r) / (j + 1);
		s += t;
	}
	return s;
}

/** F(k) = P(Y ≤ k) for Y ~ Binomial(n, p). Non-integer k is floored, as for any discrete cdf. */
export function binomialCdf(k: number, n: number, p: number): number {
	checkArgs(n, p);
	if (Number.isNaN(k)) return NaN;
	if (k < 0) return 0;
	if (k >= n) return 1;
	k = Math.floor(k);
	if (p === 0) return 1;
	if (p === 1) return 0;
	return k < mode(n, p) ? lowerTail(k, n, p) : 1 - upperTail(k, n, p);
}

/** P(Y > k), computed without the cancellation of 1 − F(k) when the upper tail is small. */
export function binomialSurvival(k: number, n: number, p: number): number {
	checkArgs(n, p);
	if (Number.isNaN(k)) return NaN;
	if (k < 0) return 1;
	if (k >= n) return 0;
	k = Math.floor(k);
	if (p === 0) return 0;
	if (p === 1) return 1;
	return k < mode(n, p) ? 1 - lowerTail(k, n, p) : upperTail(k, n, p);
}

/** A quantile with the two numbers the funnel interpolation needs beside it. */
export interface BinomialQuantile {
	/** The smallest r with F(r) ≥ prob. */
	r: number;
	/** F(r). */
	cdf: number;
	/** f(r) = P(Y = r). */
	pmf: number;
}

// F(r) is compared with prob · (1 − 64ε), as R's qbinom does, so that a cdf equal to prob in
// exact arithmetic (e.g. F(2) = ½ for Binomial(5, ½)) is not missed through rounding.
const FUZZ = 1 - 64 * Number.EPSILON;

/**
 * qbinom with F(r) and f(r): the smallest r with F(r) ≥ prob for Y ~ Binomial(n, p), up to a
 * relative 64ε tolerance on the comparison. Starts from the Cornish–Fisher guess and steps one
 * count at a time, updating F by ± f.
 */
export function binomialQuantile(prob: number, n: number, p: number): BinomialQuantile {
	checkArgs(n, p);
	if (!(prob >= 0 && prob <= 1)) throw new RangeError(`probability ${prob} is not in [0, 1]`);
	if (p === 0 || prob === 0) return at(0, n, p);
	if (p === 1 || prob === 1) return at(n, n, p);
	const mu = n * p;
	const sigma = Math.sqrt(mu * (1 - p));
	const gamma = (1 - 2 * p) / sigma;
	const z = qnorm(prob);
	let r = Math.floor(mu + sigma * (z + (gamma * (z * z - 1)) / 6) + 0.5);
	r = Math.max(0, Math.min(n, r));
	let f = binomialPmf(r, n, p);
	let F = binomialCdf(r, n, p);
	const target = prob * FUZZ;
	if (F >= target) {
		while (r > 0) {
			const below = F - f;
			if (below < target) break;
			r--;
			F = below;
			f = binomialPmf(r, n, p);
		}
	} else {
		while (F < target && r < n) {
			r++;
			f = binomialPmf(r, n, p);
			F += f;
		}
		if (r === n) F = 1;
	}
	return { r, cdf: F, pmf: f };
}

/** qbinom(prob, n, p): the smallest integer r with F(r) ≥ prob (METHODS §2 step 1). */
export function qbinom(prob: number, n: number, p: number): number {
	return binomialQuantile(prob, n, p).r;
}

function at(r: number, n: number, p: number): BinomialQuantile {
	return { r, cdf: binomialCdf(r, n, p), pmf: binomialPmf(r, n, p) };
}

function checkArgs(n: number, p: number): void {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n = ${n} is not a count`);
	if (!(p >= 0 && p <= 1)) throw new RangeError(`p = ${p} is not a probability`);
}
