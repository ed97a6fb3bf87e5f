import type { TrendSeries, TrendTarget } from '$lib/charts/types';
import type { Indicator } from '$lib/config/catalog-schema';
import type { Scoring } from '$lib/config/scheme';
import { formatIndicatorValue } from '$lib/format';
import { t, type Lang } from '$lib/i18n';
import type { IndicatorRow, Level } from '$lib/query/types';

/** Rows of many units → one series per unit, in the order of `units` (the picker's order). */
export function toSeries(
	rows: IndicatorRow[],
	units: { code: string; name: string }[],
	level: Level
): TrendSeries[] {
	const by = new Map<string, IndicatorRow[]>();
	for (const r of rows) {
		const own = by.get(r.code);
		if (own) own.push(r);
		else by.set(r.code, [r]);
	}
	const order = units.filter((u) => by.has(u.code));
	const unnamed = [...by.keys()].filter((c) => !units.some((u) => u.code === c));
	return [...order, ...unnamed.map((code) => ({ code, name: code }))].map((u) => ({
		code: u.code,
		name: u.name,
		level,
		rows: by.get(u.code)!
	}));
}

/** The scheme's target drawn on the chart: a line, or a band for the sex ratio. */
export function chartTarget(
	s: Scoring | undefined,
	indicator: Indicator,
	lang: Lang
): TrendTarget | undefined {
	if (!s || s.rule === 'zero') return undefined;
	const v = (x: number) => formatIndicatorValue(x, { ...indicator, decimals: 0 }, lang);
	if (s.rule === 'band')
		return {
			kind: 'band',
			low: s.low,
			high: s.high,
			label: t(lang, 'trends.band', { low: s.low, high: s.high })
		};
	return { kind: 'line', value: s.target, label: t(lang, 'trends.target', { value: v(s.target) }) };
}

/**
 * A value rebuilt only when its key changes; a null key keeps the last value (nothing new to
 * show yet). Reads made by `build` happen only when it runs.
 */
export function keep<T>(): (key: string | null, build: () => T) => T | null {
	let lastKey: string | null = null;
	let last: T | null = null;
	return (key, build) => {
		if (key !== null && key !== lastKey) {
			last = build();
			lastKey = key;
		}
		return last;
	};
}
