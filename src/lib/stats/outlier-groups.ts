import { modifiedZScores, type SpreadSource } from './outliers';

/**
 * Outliers of many groups at once (the quality page: one group per indicator across the units
 * of a level, or per indicator and unit across its months), each group scored on its own by
 * modifiedZScores (METHODS §6).
 */
export interface GroupedValue<T> {
	group: string;
	/** null or non-finite: no value (not reported, zero denominator); never scored or flagged. */
	value: number | null;
	item: T;
}

export interface Outlier<T> {
	item: T;
	group: string;
	value: number;
	/** The modified z-score: (value − median) / σ̂. */
	z: number;
	median: number;
	/** The values where |z| equals the threshold: inside them nothing is flagged. */
	expectedRange: [number, number];
	/** 'mean_ad' when MAD was 0 and the mean absolute deviation stood in for it. */
	source: SpreadSource;
}

export interface GroupedOutliers<T> {
	/** Most extreme first (largest |z|), then by group. */
	outliers: Outlier<T>[];
	groups: number;
	/** Groups scored with the mean absolute deviation because their MAD was 0. */
	meanAdGroups: string[];
	/** Groups where every value equals the median (MAD and mean deviation 0): nothing judged. */
	flatGroups: string[];
}

export function groupedOutliers<T>(
	values: readonly GroupedValue<T>[],
	threshold = 3.5
): GroupedOutliers<T> {
	const groups = new Map<string, GroupedValue<T>[]>();
	for (const v of values) {
		let g = groups.get(v.group);
		if (!g) groups.set(v.group, (g = []));
		g.push(v);
	}
	const result: GroupedOutliers<T> = { outliers: [], groups: 0, meanAdGroups: [], flatGroups: [] };
	for (const [group, members] of groups) {
		const xs = members.map((m) => (m.value === null ? NaN : m.value));
		if (!xs.some(Number.isFinite)) continue;
		result.groups++;
		const r = modifiedZScores(xs, threshold);
		if (r.source === 'none') result.flatGroups.push(group);
		if (r.source === 'mean_ad') result.meanAdGroups.push(group);
		members.forEach((m, i) => {
			if (!r.flags[i]) return;
			result.outliers.push({
				item: m.item,
				group,
				value: xs[i],
				z: r.m[i],
				median: r.median,
				expectedRange: r.expectedRange,
				source: r.source
			});
		});
	}
	result.outliers.sort(
		(a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)
	);
	return result;
}
