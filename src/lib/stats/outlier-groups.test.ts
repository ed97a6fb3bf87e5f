import { describe, expect, it } from 'vitest';
import { groupedOutliers } from './outlier-groups';

const v = (group: string, value: number | null, item = `${group}:${value}`) => ({
	group,
	value,
	item
});

describe('groupedOutliers (known answers)', () => {
	it('scores each group on its own and lists the most extreme first', () => {
		const r = groupedOutliers([
			// median 3, MAD 1: 100 has z = 0.6745 · 97 = 65.4; 1 has −1.349
			...[1, 2, 3, 4, 100].map((x) => v('a', x)),
			// median 13, MAD 2.5: 40 has z = 0.6745 · 27 / 2.5 = 7.28
			...[10, 12, 14, 16, 40, 11].map((x) => v('b', x)),
			// nothing beyond 3.5 here
			...[5, 6, 7, 8].map((x) => v('c', x))
		]);
		expect(r.groups).toBe(3);
		expect(r.outliers.map((o) => [o.item, o.source])).toEqual([
			['a:100', 'mad'],
			['b:40', 'mad']
		]);
		expect(r.outliers[0].z).toBeCloseTo(0.6745 * 97, 10);
		expect(r.outliers[1].z).toBeCloseTo((0.6745 * 27) / 2.5, 10);
		// the expected range: median ± 3.5 · MAD / 0.6745
		expect(r.outliers[1].median).toBe(13);
		expect(r.outliers[1].expectedRange[0]).toBeCloseTo(13 - (3.5 * 2.5) / 0.6745, 10);
		expect(r.outliers[1].expectedRange[1]).toBeCloseTo(13 + (3.5 * 2.5) / 0.6745, 10);
	});

	it('follows the threshold', () => {
		const xs = [10, 12, 14, 16, 40, 11].map((x) => v('b', x));
		// 16 and 10 have |z| = 0.6745 · 3 / 2.5 = 0.809
		expect(groupedOutliers(xs, 0.8).outliers.map((o) => o.value)).toEqual([40, 10, 16]);
		expect(groupedOutliers(xs, 8).outliers).toEqual([]);
	});

	it('says when MAD = 0 and the mean absolute deviation stands in, without dividing by zero', () => {
		// median 0, MAD 0; mean |x| = 20 / 6; σ̂ = 1.2533 · 20 / 6 = 4.178; 20 has z = 4.787
		const r = groupedOutliers([0, 0, 0, 0, 0, 20].map((x) => v('deaths', x)));
		expect(r.meanAdGroups).toEqual(['deaths']);
		expect(r.outliers).toHaveLength(1);
		expect(r.outliers[0].source).toBe('mean_ad');
		expect(r.outliers[0].z).toBeCloseTo(20 / ((1.2533 * 20) / 6), 10);
		expect(Number.isFinite(r.outliers[0].expectedRange[1])).toBe(true);
	});

	it('judges nothing in a group whose values are all equal, and skips missing values', () => {
		const r = groupedOutliers([
			...[7, 7, 7, 7].map((x) => v('flat', x)),
			v('gaps', null),
			v('gaps', NaN),
			...[1, 2, 3, 4, 100].map((x) => v('gaps', x))
		]);
		expect(r.flatGroups).toEqual(['flat']);
		expect(r.groups).toBe(2);
		expect(r.outliers.map((o) => o.value)).toEqual([100]);
		expect(groupedOutliers([v('none', null)]).groups).toBe(0);
	});
});
