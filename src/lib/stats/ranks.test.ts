import { describe, expect, it } from 'vitest';
import { averageRanks, Ranker, sortRange, sortWithOrder, tierLookup } from './ranks';

/** Brute force: 1 + (number strictly better) + (number tied, others) / 2. */
function bruteRanks(scores: number[], higherIsBetter = true): number[] {
	const key = (s: number) => (Number.isNaN(s) ? Infinity : higherIsBetter ? -s : s);
	return scores.map((s, i) => {
		let better = 0;
		let tied = 0;
		scores.forEach((t, j) => {
			if (j === i) return;
			if (key(t) < key(s)) better++;
			else if (key(t) === key(s)) tied++;
		});
		return 1 + better + tied / 2;
	});
}

describe('averageRanks', () => {
	const cases: [string, number[], boolean][] = [
		['distinct', [90, 70, 80], true],
		['lower is better', [90, 70, 80], false],
		['a pair tied for 2nd', [90, 80, 80, 70], true],
		['all tied', [5, 5, 5, 5, 5], true],
		['zeros of both signs tie', [0, -0, 1], true],
		['NaN is worst', [NaN, 1, 2, NaN], true],
		['infinities', [Infinity, -Infinity, 0, Infinity], true],
		['one unit', [42], true],
		['none', [], true]
	];
	it.each(cases)('%s', (_label, scores, higherIsBetter) => {
		expect(Array.from(averageRanks(scores, higherIsBetter))).toEqual(
			bruteRanks(scores, higherIsBetter)
		);
	});

	it('agrees with brute force on 500 scores with many ties, reusing buffers', () => {
		// fixed, deterministic sequences: only 37 distinct values, then all distinct
		const ranker = new Ranker(500);
		const out = new Float64Array(500);
		for (const scores of [
			Array.from({ length: 500 }, (_, i) => ((i * 7919) % 37) / 4),
			Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453)
		]) {
			expect(ranker.rank(scores, true, out)).toBe(out);
			expect(Array.from(out)).toEqual(bruteRanks(scores));
			// ranks always add up to N(N + 1)/2
			expect(out.reduce((s, r) => s + r, 0)).toBe((500 * 501) / 2);
		}
	});
	it('rejects a score array of the wrong length', () => {
		expect(() => new Ranker(3).rank([1, 2])).toThrow(RangeError);
	});
});

describe('quicksorts', () => {
	const inputs: [string, number[]][] = [
		['empty', []],
		['one', [3]],
		['sorted', Array.from({ length: 300 }, (_, i) => i)],
		['reversed', Array.from({ length: 300 }, (_, i) => 300 - i)],
		['all equal', Array.from({ length: 300 }, () => 7)],
		['two values', Array.from({ length: 301 }, (_, i) => i % 2)],
		['scrambled', Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009)]
	];
	it.each(inputs)('sort %s like Array.prototype.sort', (_label, values) => {
		const expected = [...values].sort((a, b) => a - b);
		const a = Float32Array.from(values);
		sortRange(a, 0, a.length - 1);
		expect(Array.from(a)).toEqual(expected);
		const keys = Float64Array.from(values);
		const order = Uint32Array.from(values.keys());
		sortWithOrder(keys, order, 0, keys.length - 1);
		expect(Array.from(keys)).toEqual(expected);
		// the permutation carries each key's original position
		expect(Array.from(order).map((i) => values[i])).toEqual(expected);
	});
	it('sorts a sub-range only', () => {
		const a = Float32Array.from([9, 5, 4, 3, 0]);
		sortRange(a, 1, 3);
		expect(Array.from(a)).toEqual([9, 3, 4, 5, 0]);
	});
});

describe('tierLookup', () => {
	it('indexes every half rank', () => {
		const tierOf = (r: number) => (r <= 2 ? 'top' : r > 4 ? 'bottom' : null);
		const { names, index } = tierLookup(5, tierOf);
		expect(names).toEqual(['top', 'bottom']);
		// ranks 1, 1.5, 2 → top; 2.5 … 4 → none; 4.5, 5 → bottom
		expect(Array.from(index.subarray(2))).toEqual([0, 0, 0, -1, -1, -1, -1, 1, 1]);
		expect(tierLookup(3).names).toEqual([]);
	});
});
