/**
 * Funnel-plot control limits for a proportion (METHODS §2; Spiegelhalter 2005, appendix A.1.1),
 * the "against a band" variant, classification of a unit, limit curves for plotting, and the sex
 * ratio ↔ proportion-of-boys conversion (METHODS §1).
 *
 * Everything here is on the proportion scale [0, 1]: divide a percentage by 100 first, and turn a
 * sex ratio into the proportion of boys with ratioToProportion.
 */
import { binomialQuantile } from './binomial';
import { qnorm } from './normal';

/** Above this denominator the normal approximation may be used (METHODS §2). */
export const NORMAL_ABOVE_N = 10_000;

/**
 * …but only when n θ₀ and n (1 − θ₀) are both at least this large. METHODS §2 allows the normal
 * approximation because it is "within 0.1%"; that holds for moderate θ₀ but not near 0 or 1: at
 * n = 10,001 and θ₀ = 0.001 the normal lower 99.8% limit is 0.000023 against the exact 0.000122.
 * The skewness error is about (z² − 1) / (6 n θ₀) of the distance from 0 (or from 1); scanning
 * θ₀ and n > 10,000 shows it stays below 0.1% of that distance (≤ 0.08%) once n θ₀ and
 * n (1 − θ₀) are ≥ 2,500. The exact limit costs only O(√n) work, so it is used elsewhere.
 */
export const NORMAL_MIN_EXPECTED = 2_500;

/** The four limits at one denominator n, each clipped to [0, 1]. */
export interface FunnelLimits {
	n: number;
	/** 0.001 quantile (lower 99.8% limit). */
	lower998: number;
	/** 0.025 quantile (lower 95% limit). */
	lower95: number;
	/** 0.975 quantile (upper 95% limit). */
	upper95: number;
	/** 0.999 quantile (upper 99.8% limit). */
	upper998: number;
}

/** Where a unit's value lies relative to the limits at its own n. */
export type FunnelClass = 'inside' | 'above95' | 'below95' | 'above998' | 'below998';

const clip01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

function checkTheta(theta0: number): void {
	if (!(theta0 >= 0 && theta0 <= 1)) throw new RangeError(`θ₀ = ${theta0} is not a proportion`);
}

function checkN(n: number): void {
	if (!(n >= 1) || !Number.isInteger(n))
		throw new RangeError(`n = ${n} is not a denominator (a count ≥ 1)`);
}

/**
 * The control limit for tail probability `prob` at denominator n around θ₀ (METHODS §2):
 * r_p = qbinom(prob), α = (F(r_p) − prob) / f(r_p), limit = (r_p − α) / n; above n = 10,000
 * (and n θ₀, n (1 − θ₀) ≥ 2,500) the normal approximation θ₀ + z·√(θ₀(1−θ₀)/n), with z from
 * METHODS (±1.959964, ±3.090232) for the standard tails. Clipped to [0, 1].
 *
 * The interpolation is continuous where r_p steps (α → 1 just before the step, 0 at it), so the
 * limits are smooth in n and θ₀, and the 64ε fuzz inside qbinom cannot move a limit.
 */
export function binomialLimit(theta0: number, n: number, prob: number): number {
	checkTheta(theta0);
	checkN(n);
	if (n > NORMAL_ABOVE_N && Math.min(theta0, 1 - theta0) * n >= NORMAL_MIN_EXPECTED)
		return clip01(theta0 + qnorm(prob) * Math.sqrt((theta0 * (1 - theta0)) / n));
	const { r, cdf, pmf } = binomialQuantile(prob, n, theta0);
	const alpha = pmf > 0 ? (cdf - prob) / pmf : 0;
	return clip01((r - alpha) / n);
}

/** 95% (0.025/0.975) and 99.8% (0.001/0.999) limits around θ₀ at denominator n. */
export function funnelLimits(theta0: number, n: number): FunnelLimits {
	return bandLimits(theta0, theta0, n);
}

/**
 * Limits against a band [low, high] (METHODS §2 "Against a band"): lower limits from θ₀ = low,
 * upper limits from θ₀ = high, so a unit is flagged only when it is improbable for every value
 * inside the band. For the sex-ratio band 103–107 pass ratioToProportion(103) and (107).
 */
export function bandLimits(low: number, high: number, n: number): FunnelLimits {
	if (!(low <= high)) throw new RangeError(`band [${low}, ${high}] is empty`);
	return {
		n,
		lower998: binomialLimit(low, n, 0.001),
		lower95: binomialLimit(low, n, 0.025),
		upper95: binomialLimit(high, n, 0.975),
		upper998: binomialLimit(high, n, 0.999)
	};
}

/**
 * Classifies a unit's value (a proportion) against the limits at its own n: strictly above the
 * upper 99.8% limit is "above998", else strictly above the upper 95% limit "above95", and the
 * same downward. A value on a limit is inside. NaN (no denominator) is "inside": no evidence.
 */
export function classify(value: number, limits: FunnelLimits): FunnelClass {
	if (value > limits.upper998) return 'above998';
	if (value > limits.upper95) return 'above95';
	if (value < limits.lower998) return 'below998';
	if (value < limits.lower95) return 'below95';
	return 'inside';
}

/** Limit curves for plotting: parallel arrays, one entry per sampled n. */
export interface FunnelCurve {
	n: number[];
	lower998: number[];
	lower95: number[];
	upper95: number[];
	upper998: number[];
}

/**
 * Samples limits at about `points` integer denominators spaced evenly on a log scale from nMin to
 * nMax (both included; duplicates after rounding dropped), e.g.
 * `funnelCurve((n) => funnelLimits(theta0, n), 1, maxN)`. Pass bandLimits or the over-dispersed
 * limits the same way.
 */
export function funnelCurve(
	limitsAt: (n: number) => FunnelLimits,
	nMin: number,
	nMax: number,
	points = 100
): FunnelCurve {
	const lo = Math.max(1, Math.ceil(nMin));
	const hi = Math.max(lo, Math.floor(nMax));
	const curve: FunnelCurve = { n: [], lower998: [], lower95: [], upper95: [], upper998: [] };
	const steps = Math.max(1, Math.floor(points) - 1);
	let last = 0;
	for (let i = 0; i <= steps; i++) {
		const n = i === steps ? hi : Math.round(lo * (hi / lo) ** (i / steps));
		if (n <= last) continue;
		last = n;
		const l = limitsAt(n);
		curve.n.push(n);
		curve.lower998.push(l.lower998);
		curve.lower95.push(l.lower95);
		curve.upper95.push(l.upper95);
		curve.upper998.push(l.upper998);
	}
	return curve;
}

/** The pooled reference θ₀ = Σ numerators / Σ denominators (METHODS §2); NaN when Σn = 0. */
export function pooledProportion(units: readonly { y: number; n: number }[]): number {
	let y = 0;
	let n = 0;
	for (const u of units) {
		y += u.y;
		n += u.n;
	}
	return n > 0 ? y / n : NaN;
}

/** Sex ratio (boys per 100 girls) → proportion of boys: q = r / (100 + r) (METHODS §1). */
export function ratioToProportion(r: number): number {
	return r === Infinity ? 1 : r / (100 + r);
}

/** Proportion of boys → sex ratio: r = 100 q / (1 − q); Infinity at q = 1 (no girls). */
export function proportionToRatio(q: number): number {
	return q === 1 ? Infinity : (100 * q) / (1 - q);
}
