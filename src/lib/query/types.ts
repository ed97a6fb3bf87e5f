import type { UnitLevel } from '../extract/schema';
import type { Granularity, MonthIndex, Period } from '../periods';

export type Level = UnitLevel;
export const levels: readonly Level[] = ['county', 'township', 'village'];

/** Which units: every unit of a level, narrowed to some codes and/or the children of a parent. */
export interface UnitSelection {
	level: Level;
	/** An empty list selects nothing (the query returns no rows). */
	codes?: readonly string[];
	/**
	 * Units whose parent_code is this, e.g. all villages of a township; for villages, those in
	 * the township in each month (a village that moved counts under the old one before it).
	 */
	parent?: string;
	/** Units whose parent's parent_code is this: the villages of a county. */
	grandparent?: string;
}

export interface SeriesSpec extends UnitSelection {
	indicator: string;
	/** First and last month; widened to whole buckets (a quarter series from May starts in April). */
	from: MonthIndex;
	to: MonthIndex;
	granularity: Granularity;
	/** × 12 / months for annualisable indicators (birth and death rates); others ignore it. */
	annualise?: boolean;
}

export interface ValuesSpec extends UnitSelection {
	indicators: readonly string[];
	/** One period, or several (this period, the same period last year, the previous period…). */
	period: Period | readonly Period[];
	annualise?: boolean;
}

/** One row of every indicator query, as `rowsOf<IndicatorRow>` returns it. */
export interface IndicatorRow {
	code: string;
	indicator: string;
	/** 2024-03, 2024Q1, 2024H1, 2024 or 2024-03YTD. */
	period_key: string;
	/** First and last month of the bucket as MonthIndex, whatever the data covers. */
	period_from: number;
	period_to: number;
	/** Months of the bucket that have data; fewer than the bucket's length when data ends inside it. */
	months: number;
	/** Last month of the bucket with data: the "截至6月" of a partial year. */
	last_month: number;
	/** The counts behind the rate; denominator is null for counts and for differences of rates
	 * that do not share a denominator. */
	numerator: number | null;
	denominator: number | null;
	/** Null when the denominator is zero or missing: no rate, rather than 0 or Infinity. */
	value: number | null;
	annualised: boolean;
	/** Coverage, in unit-months (for an indicator of month-end stocks only: units at its end month).
	 * due: expected reports; reported: reports received; used: unit-months where every measure the
	 * formula needs was reported (flows) or known (stocks), the only ones summed into numerator and
	 * denominator; carried: used unit-months whose stock was carried from an earlier month;
	 * start_estimated: used unit-months whose opening stock was unknown (first month of data), so
	 * the month-end stock stood in for it. */
	due: number;
	reported: number;
	used: number;
	carried: number;
	start_estimated: number;
}

export const indicatorRowColumns = [
	'code',
	'indicator',
	'period_key',
	'period_from',
	'period_to',
	'months',
	'last_month',
	'numerator',
	'denominator',
	'value',
	'annualised',
	'due',
	'reported',
	'used',
	'carried',
	'start_estimated'
] as const satisfies readonly (keyof IndicatorRow)[];
