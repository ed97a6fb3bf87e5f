/**
 * Ranking with ties as average ranks (METHODS §4 step 2), the rank → tier lookup shared by the
 * rank-interval simulation and the weight sensitivity (§5), and the in-place sorts they use.
 *
 * Written for the simulations' inner loops: a Ranker owns its buffers (no allocation per call),
 * and sorting is a monomorphic quicksort on typed arrays — the engines' built-in typed-array sort
 * turned out several times slower on arrays of 1,000–1,500 numbers.
 */

/**
 * Ranks units by score, reusing its buffers: rank 1 is the best, tied units share the mean of
 * the ranks they occupy (two units tied for 2nd both get 2.5). NaN counts as the worst score.
 * Ties are exact equality: a caller whose composites are sums of fractions may round them first
 * if "equal on paper" should tie.
 */
export class Ranker {
	private readonly keys: Float64Array;
	private readonly order: Uint32Array;

	constructor(readonly size: number) {
		this.keys = new Float64Array(size);
		this.order = new Uint32Array(size);
	}

	/** Writes the average ranks of `scores` (length `size`) into `out` and returns it. */
	rank(scores: ArrayLike<number>, higherIsBetter = true, out = new Float64Array(this.size)) {
		const n = this.size;
		if (scores.length !== n || out.length < n) throw new RangeError('rank buffers do not match');
		const keys = this.keys;
		const order = this.order;
		// ascending keys: the best unit has the smallest key
		for (let i = 0; i < n; i++) {
			const s = scores[i];
			keys[i] = s !== s ? Infinity : higherIsBetter ? -s : s;
			order[i] = i;
		}
		sortWithOrder(keys, order, 0, n - 1);
		for (let i = 0; i < n;) {
			let j = i + 1;
			while (j < n && keys[j] === keys[i]) j++;
			// 1-based positions i + 1 … j share the key: their mean is (i + 1 + j) / 2
			const r = (i + 1 + j) / 2;
			for (let m = i; m < j; m++) out[order[m]] = r;
			i = j;
		}
		return out;
	}
}

/** Average ranks of `scores` (see Ranker), allocating its own buffers. */
export function averageRanks(scores: ArrayLike<number>, higherIsBetter = true): Float64Array {
	return new Ranker(scores.length).rank(scores, higherIsBetter);
}

const SMALL = 16;

/** Sorts keys[lo..hi] ascending (no NaN), permuting `order` alongside. Quicksort, Hoare scheme. */
export function sortWithOrder(
	keys: Float64Array,
	order: Uint32Array,
	lo: number,
	hi: number
): void {
	while (hi - lo > SMALL) {
		const mid = (lo + hi) >>> 1;
		// median of three into keys[mid]; Hoare partitioning splits runs of equal keys evenly
		if (keys[mid] < keys[lo]) swap2(keys, order, lo, mid);
		if (keys[hi] < keys[lo]) swap2(keys, order, lo, hi);
		if (keys[hi] < keys[mid]) swap2(keys, order, mid, hi);
		const pivot = keys[mid];
		let i = lo - 1;
		let j = hi + 1;
		for (;;) {
			do i++;
			while (keys[i] < pivot);
			do j--;
			while (keys[j] > pivot);
			if (i >= j) break;
			swap2(keys, order, i, j);
		}
		// recurse into the smaller part, loop on the larger: O(log n) stack
		if (j - lo < hi - j) {
			sortWithOrder(keys, order, lo, j);
			lo = j + 1;
		} else {
			sortWithOrder(keys, order, j + 1, hi);
			hi = j;
		}
	}
	for (let i = lo + 1; i <= hi; i++) {
		const k = keys[i];
		const o = order[i];
		let j = i - 1;
		while (j >= lo && keys[j] > k) {
			keys[j + 1] = keys[j];
			order[j + 1] = order[j];
			j--;
		}
		keys[j + 1] = k;
		order[j + 1] = o;
	}
}

function swap2(keys: Float64Array, order: Uint32Array, i: number, j: number): void {
	const k = keys[i];
	keys[i] = keys[j];
	keys[j] = k;
	const o = order[i];
	order[i] = order[j];
	order[j] = o;
}

/** Sorts a[lo..hi] ascending in place (no NaN). Same quicksort, without a permutation. */
export function sortRange(a: Float32Array, lo: number, hi: number): void {
	while (hi - lo > SMALL) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] < a[lo]) swap(a, lo, mid);
		if (a[hi] < a[lo]) swap(a, lo, hi);
		if (a[hi] < a[mid]) swap(a, mid, hi);
		const pivot = a[mid];
		let i = lo - 1;
		let j = hi + 1;
		for (;;) {
			do i++;
			while (a[i] < pivot);
			do j--;
			while (a[j] > pivot);
			if (i >= j) break;
			swap(a, i, j);
		}
		if (j - lo < hi - j) {
			sortRange(a, lo, j);
			lo = j + 1;
		} else {
			sortRange(a, j + 1, hi);
			hi = j;
		}
	}
	for (let i = lo + 1; i <= hi; i++) {
		const v = a[i];
		let j = i - 1;
		while (j >= lo && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

function swap(a: Float32Array, i: number, j: number): void {
	const t = a[i];
	a[i] = a[j];
	a[j] = t;
}

/** A function from a (possibly average, so possibly x.5) rank to a tier name, or null for none. */
export type TierOf = (rank: number) => string | null;

/** Tier names and an index by half-rank, so the inner loops never call back into `tierOf`. */
export interface TierLookup {
	/** Tier names in order of their best rank. */
	names: string[];
	/** index[2·rank] = position in `names`, or −1 for no tier; ranks 1, 1.5, …, unitCount. */
	index: Int16Array;
}

/** Evaluates `tierOf` once at every possible average rank of `unitCount` units. */
export function tierLookup(unitCount: number, tierOf?: TierOf): TierLookup {
	const names: string[] = [];
	const index = new Int16Array(2 * unitCount + 1).fill(-1);
	if (!tierOf) return { names, index };
	for (let h = 2; h <= 2 * unitCount; h++) {
		const name = tierOf(h / 2);
		if (name === null) continue;
		let t = names.indexOf(name);
		if (t < 0) t = names.push(name) - 1;
		index[h] = t;
	}
	return { names, index };
}
