import { describe, expect, it } from 'vitest';
import { modifiedZScores } from './outliers';

describe('modifiedZScores (METHODS §6)', () => {
	it('scores and flags with the MAD (hand-computed)', () => {
		// median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD = 1; M = 0.6745 · (x − 3)
		const r = modifiedZScores([1, 2, 3, 4, 100]);
		expect(r.median).toBe(3);
		expect(r.mad).toBe(1);
		expect(r.source).toBe('mad');
		const expected = [-2, -1, 0, 1, 97].map((d) => 0.6745 * d);
		r.m.forEach((m, i) => expect(m).toBeCloseTo(expected[i], 12));
		expect(r.flags).toEqual([false, false, false, false, true]);
		// 3 ± 3.5 / 0.6745
		expect(r.expectedRange[0]).toBeCloseTo(3 - 3.5 / 0.6745, 12);
		expect(r.expectedRange[1]).toBeCloseTo(3 + 3.5 / 0.6745, 12);
	});

	it.each([
		// even count: median of 10, 12, 14, 16, 40, 11 is 13; |x − 13| = 3, 1, 1, 3, 27, 2 → MAD = 2.5
		[[10, 12, 14, 16, 40, 11], 3.5, 13, 2.5, [false, false, false, false, true, false]],
		// 16 has M = 0.6745 · 3 / 2.5 = 0.81: flagged only with a tiny threshold
		[[10, 12, 14, 16, 40, 11], 0.8, 13, 2.5, [true, false, false, true, true, false]]
	])('%j with threshold %d', (values, threshold, med, mad, flags) => {
		const r = modifiedZScores(values, threshold);
		expect(r.median).toBe(med);
		expect(r.mad).toBe(mad);
		expect(r.flags).toEqual(flags);
		expect(r.threshold).toBe(threshold);
	});

	it('falls back to 1.2533 · mean absolute deviation when MAD = 0', () => {
		// median 5, MAD 0; mean |x − 5| = 4/7, σ = 1.2533 · 4/7; M(9) = 4 / σ = 5.585
		const r = modifiedZScores([5, 5, 5, 5, 5, 5, 9]);
		expect(r.mad).toBe(0);
		expect(r.source).toBe('mean_ad');
		expect(r.sigma).toBeCloseTo((1.2533 * 4) / 7, 14);
		expect(r.m[6]).toBeCloseTo(4 / ((1.2533 * 4) / 7), 12);
		expect(r.m[6]).toBeCloseTo(5.5853, 4);
		expect(r.flags).toEqual([false, false, false, false, false, false, true]);
		expect(r.expectedRange[1]).toBeCloseTo(5 + (3.5 * 1.2533 * 4) / 7, 12);
	});

	it('flags nothing when every value is the same', () => {
		const r = modifiedZScores([7, 7, 7, 7]);
		expect(r.source).toBe('none');
		expect(r.m).toEqual([0, 0, 0, 0]);
		expect(r.flags).toEqual([false, false, false, false]);
		expect(r.expectedRange).toEqual([7, 7]);
	});

	it('ignores missing values', () => {
		const r = modifiedZScores([1, NaN, 2, 3, 4, 100]);
		expect(r.median).toBe(3);
		expect(r.m[1]).toBeNaN();
		expect(r.flags).toEqual([false, false, false, false, false, true]);
		const empty = modifiedZScores([NaN]);
		expect(empty.median).toBeNaN();
		expect(empty.flags).toEqual([false]);
	});

	it('rejects a non-positive threshold', () => {
		expect(() => modifiedZScores([1, 2, 3], 0)).toThrow(RangeError);
	});
});
