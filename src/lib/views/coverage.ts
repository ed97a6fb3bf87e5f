import type { Indicator } from '../config/catalog-schema';
import { t, type Lang } from '../i18n';
import type { Level } from '../query/types';
import { formatQuantity } from '../format';

/**
 * What stands behind a number: how many of the unit-months due were used for it. A rate is
 * complete when the used share reaches the catalog's coverage_threshold; below it the view
 * marks it, never shows it as if it were whole.
 */
export interface Coverage {
	used: number;
	due: number;
	share: number | null;
	complete: boolean;
	/** Stocks carried from an earlier month into the used unit-months. */
	carried: number;
	/** The first month of data: no opening stock, the month-end stood in for it. */
	startEstimated: boolean;
}

export interface CoverageRow {
	due: number;
	used: number;
	carried: number;
	start_estimated: number;
	months: number;
}

export function coverageOf(row: CoverageRow, threshold: number): Coverage {
	const share = row.due > 0 ? row.used / row.due : null;
	return {
		used: row.used,
		due: row.due,
		share,
		complete: share !== null && share >= threshold,
		carried: row.carried,
		startEstimated: row.start_estimated > 0
	};
}

/**
 * "覆盖 287/300 村" (one month, or a stock at the period's end), "覆盖 3,420/3,600 村·月" over
 * several months; for a village itself, its months: "覆盖 2/3 个月".
 */
export function coverageText(
	row: CoverageRow,
	indicator: Indicator,
	level: Level,
	lang: Lang
): string {
	const endOnly =
		indicator.formula.kind === 'ratio' &&
		'end' in indicator.formula.numerator &&
		'end' in indicator.formula.denominator;
	const unit =
		level === 'village'
			? 'coverage.months'
			: row.months === 1 || endOnly
				? 'coverage.villages'
				: 'coverage.villageMonths';
	return t(lang, unit, { used: formatQuantity(row.used), due: formatQuantity(row.due) });
}

export type NoComparison = 'noLastYear' | 'unequalLength' | 'incomplete';

/**
 * Whether this period and the same period last year can be compared (同比): both must exist,
 * cover the same number of months with data, and both be complete. Otherwise the reason, which
 * the view states instead of printing a difference that is only an artefact.
 */
export function yearOnYear(
	current: (CoverageRow & { value: number | null }) | null,
	lastYear: (CoverageRow & { value: number | null }) | null,
	threshold: number
): { change: number } | { none: NoComparison } | null {
	if (!current || current.value === null) return null;
	if (!lastYear || lastYear.value === null) return { none: 'noLastYear' };
	if (lastYear.months !== current.months) return { none: 'unequalLength' };
	if (!coverageOf(current, threshold).complete || !coverageOf(lastYear, threshold).complete)
		return { none: 'incomplete' };
	return { change: current.value - lastYear.value };
}
