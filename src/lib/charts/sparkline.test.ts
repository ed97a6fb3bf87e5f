import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
	it('maps values to the box, higher drawn higher', () => {
		expect(sparklinePath([0, 10, 5], 100, 20, 0)).toEqual({
			d: 'M0 20L50 0L100 10',
			last: { x: 100, y: 10 }
		});
		expect(sparklinePath([1, 2, 3], 24, 12).d).toBe('M2 10L12 6L22 2');
	});

	it('breaks the line at nulls and marks an isolated point', () => {
		expect(sparklinePath([0, 10, null, 5, null, 10], 50, 10, 0)).toEqual({
			d: 'M0 10L10 0M30 5h0M50 0h0',
			last: { x: 50, y: 0 }
		});
	});

	it('draws a flat series across the middle', () => {
		expect(sparklinePath([7, 7, 7], 40, 10)).toEqual({
			d: 'M2 5L20 5L38 5',
			last: { x: 38, y: 5 }
		});
	});

	it('handles one value, no values and a missing latest value', () => {
		expect(sparklinePath([3], 40, 10)).toEqual({ d: 'M20 5h0', last: { x: 20, y: 5 } });
		expect(sparklinePath([], 40, 10)).toEqual({ d: '', last: null });
		expect(sparklinePath([null, null], 40, 10)).toEqual({ d: '', last: null });
		expect(sparklinePath([1, 2, null], 40, 10, 0).last).toBeNull();
	});
});
