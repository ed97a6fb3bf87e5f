import type { Catalog, Indicator } from '../config/catalog-schema';
import type { Scheme, Scoring } from '../config/scheme';
import type { AmountKind } from '../format';
import type { Lang } from '../i18n';
import { parsePeriod, samePeriodLastYear } from '../periods';
import type { IndicatorRow } from '../query/types';
import { coverageOf, yearOnYear, type Coverage, type NoComparison } from './coverage';
import { fractionKinds, fractionLabels, termIsMoney } from './labels';

/** Everything one overview tile shows; numbers stay numbers, formatting is the component's. */
export interface Tile {
	indicator: Indicator;
	assessed: boolean;
	key: boolean;
	current: IndicatorRow | null;
	lastYear: IndicatorRow | null;
	/** Same period in each year, oldest first (the sparkline): only years whose period has as
	 * many months of data as this one and complete coverage — others would draw artefacts. */
	history: { period_key: string; value: number | null }[];
	change: number | null;
	/** Why there is no change against last year, when there is none. */
	noChange: NoComparison | null;
	coverage: Coverage | null;
	target: TargetView | null;
	/** Signed distance to the target (0 inside a band); positive = better. */
	gap: number | null;
	met: boolean | null;
	numeratorLabel: string;
	denominatorLabel: string | null;
	money: { numerator: boolean; denominator: boolean };
	/** How the counts behind the rate are written (money, a mean population, a count). */
	amounts: { numerator: AmountKind; denominator: AmountKind };
}

export type TargetView =
	| { kind: 'at_least'; value: number }
	| { kind: 'at_most'; value: number }
	| { kind: 'band'; low: number; high: number }
	| { kind: 'zero' };

export function targetOf(s: Scoring): TargetView {
	if (s.rule === 'linear') return { kind: 'at_least', value: s.target };
	if (s.rule === 'linear_lower') return { kind: 'at_most', value: s.target };
	if (s.rule === 'band') return { kind: 'band', low: s.low, high: s.high };
	return { kind: 'zero' };
}

/** Signed so that positive is better; null when there is no value or no target. */
export function gapTo(target: TargetView | null, value: number | null): number | null {
	if (!target || value === null) return null;
	switch (target.kind) {
		case 'at_least':
			return value - target.value;
		case 'at_most':
			return target.value - value;
		case 'zero':
			return -value;
		case 'band':
			return value < target.low
				? value - target.low
				: value > target.high
					? target.high - value
					: 0;
	}
}

export function buildTiles(
	rows: IndicatorRow[],
	ids: { assessed: string[]; other: string[] },
	periodKey: string,
	catalog: Catalog,
	scheme: Scheme | undefined,
	lang: Lang
): Tile[] {
	const period = parsePeriod(periodKey);
	const lastYearKey = period ? samePeriodLastYear(period).text : null;
	return [...ids.assessed, ...ids.other].map((id) => {
		const indicator = catalog.indicators.find((i) => i.id === id)!;
		const own = rows
			.filter((r) => r.indicator === id)
			.sort((a, b) => a.period_from - b.period_from);
		const current = own.find((r) => r.period_key === periodKey) ?? null;
		const lastYear = own.find((r) => r.period_key === lastYearKey) ?? null;
		const scoring = scheme?.indicators[id];
		const target = scoring
			? targetOf(scoring)
			: indicator.better === 'zero'
				? ({ kind: 'zero' } as const)
				: null;
		const gap = gapTo(target, current?.value ?? null);
		const threshold = catalog.coverage_threshold;
		const yoy = yearOnYear(current, lastYear, threshold);
		const comparable = (r: IndicatorRow) =>
			r === current ||
			(current !== null && r.months === current.months && coverageOf(r, threshold).complete);
		const labels = fractionLabels(catalog, indicator, lang);
		const f = indicator.formula;
		return {
			indicator,
			assessed: ids.assessed.includes(id),
			key: Boolean(scoring?.key),
			current,
			lastYear,
			history: own.filter(comparable).map((r) => ({ period_key: r.period_key, value: r.value })),
			change: yoy && 'change' in yoy ? yoy.change : null,
			noChange: yoy && 'none' in yoy ? yoy.none : null,
			coverage: current ? coverageOf(current, threshold) : null,
			target,
			gap,
			met: gap === null ? null : gap >= 0,
			numeratorLabel: labels.numerator,
			denominatorLabel: labels.denominator,
			money: {
				numerator: f.kind === 'ratio' && termIsMoney(catalog, f.numerator),
				denominator: f.kind === 'ratio' && termIsMoney(catalog, f.denominator)
			},
			amounts: fractionKinds(catalog, indicator)
		};
	});
}
