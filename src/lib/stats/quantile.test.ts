import { describe, expect, it } from 'vitest';
import { median, quantile, quantileSorted, sortedFinite } from './quantile';

describe('type-7 quantile', () => {
	// hand-computed: h = (N − 1)·p, interpolate between the order statistics around h
	const cases: [number[], number, number][] = [
		[[1, 2, 3, 4], 0.5, 2.5],
		[[1, 2, 3, 4, 5], 0.5, 3],
		[[1, 2, 3, 4, 5], 0.1, 1.4], // h = 0.4
		[[10, 20], 0.025, 10.25], // h = 0.025
		[[-3, -2, -1, -0.5, 0, 0, 0.5, 1, 2, 4], 0.1, -2.1], // h = 0.9
		[[-3, -2, -1, -0.5, 0, 0, 0.5, 1, 2, 4], 0.9, 2.2], // h = 8.1
		[[7], 0.975, 7],
		[[1, 2, 3], 1, 3],
		[[1, 2, 3], 0, 1]
	];
	it.each(cases)('%j at %d is %d', (values, p, expected) => {
		expect(quantileSorted(values, p)).toBeCloseTo(expected, 12);
		expect(quantile([...values].reverse(), p)).toBeCloseTo(expected, 12);
	});
	it('drops non-finite values and is NaN when nothing is left', () => {
		expect(Array.from(sortedFinite([3, NaN, 1, Infinity, 2]))).toEqual([1, 2, 3]);
		expect(median([NaN])).toBeNaN();
		expect(median([5, 1, NaN, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
	it('rejects a probability outside [0, 1]', () => {
		expect(() => quantileSorted([1, 2], 1.5)).toThrow(RangeError);
	});
});
