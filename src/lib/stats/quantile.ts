/**
 * Sample quantiles and the median, used for rank intervals (METHODS §4), sensitivity percentiles
 * (§5), Winsorising z-scores (§3) and the modified z-score (§6).
 *
 * One definition everywhere: Hyndman & Fan type 7 (R's and NumPy's default), linear interpolation
 * between order statistics at h = (N − 1)·p. Any of the usual definitions fits METHODS; using one
 * keeps the browser, the CLI and a statistician's R session in agreement.
 */

/** The type-7 p-quantile of values already sorted ascending (no NaN); NaN for an empty array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is not in [0, 1]`);
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The finite values, sorted ascending in a new typed array (NaN and ±Infinity dropped). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
	let count = 0;
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) count++;
	const out = new Float64Array(count);
	let j = 0;
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i];
	return out.sort();
}

/** The type-7 p-quantile of the finite values (any order). */
export function quantile(values: ArrayLike<number>, p: number): number {
	return quantileSorted(sortedFinite(values), p);
}

/** The median of the finite values: the middle one, or the mean of the middle two. */
export function median(values: ArrayLike<number>): number {
	return quantile(values, 0.5);
}
