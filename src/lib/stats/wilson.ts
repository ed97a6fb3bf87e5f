/**
 * Small numbers (METHODS §7): below 20 in a denominator a rate is shown with a "事件数少" mark and
 * its 95% Wilson score interval; the ranking never hides such a unit and its funnel point is hollow.
 */
import { Z95 } from './normal';

/** Denominators below this are "small" (METHODS §7). */
export const SMALL_COUNT = 20;

/** Whether a denominator is small enough for the "事件数少" mark: n < 20. */
export function isSmallCount(n: number): boolean {
	return n < SMALL_COUNT;
}

/** [lower, upper] on 0…1. */
export type WilsonInterval = [lower: number, upper: number];

/**
 * Wilson score interval for k events out of n (default 95%, z = 1.959964): the p with
 * (p̂ − p)² = z² p (1 − p) / n, i.e. (p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * Unlike p̂ ± z·SE it stays inside [0, 1] and is not empty at k = 0 or k = n, which is why §7
 * uses it for small numbers. n = 0 gives [0, 1] (nothing is known).
 */
export function wilsonInterval(k: number, n: number, z: number = Z95): WilsonInterval {
	if (!(n >= 0) || !(k >= 0 && k <= n)) throw new RangeError(`k = ${k}, n = ${n}: not k of n`);
	if (n === 0) return [0, 1];
	const p = k / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	// at k = 0 and k = n one end is exactly 0 or 1; avoid a rounding residue of ±1e-17
	return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
