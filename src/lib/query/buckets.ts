import {
	monthIndex,
	periodContaining,
	yearOf,
	type Granularity,
	type MonthIndex,
	type Period
} from '../periods';
import { ident, literal } from '../sql/quote';

/** MonthIndex (year × 12 + month − 1) of a DATE column, as in periods.ts. */
export function monthIndexSql(column: string): string {
	const c = ident(column);
	return `CAST(year(${c}) * 12 + month(${c}) - 1 AS INTEGER)`;
}

/**
 * The buckets of a series from month `from` to `to`: whole periods that overlap the range (a
 * quarter series asked from May starts with the quarter of April–June), or for `ytd` one
 * January-to-month bucket per month.
 */
export function bucketPeriods(
	granularity: Granularity,
	from: MonthIndex,
	to: MonthIndex
): Period[] {
	if (!Number.isInteger(from) || !Number.isInteger(to)) throw new Error('months must be integers');
	if (from > to) throw new Error(`empty month range: ${from} > ${to}`);
	const periods: Period[] = [];
	for (let m = from; m <= to;) {
		const p = periodContaining(granularity, m);
		periods.push(p);
		m = granularity === 'ytd' ? m + 1 : p.to + 1;
	}
	return periods;
}

/** How far before a bucket a query must read: the month before (mean stock), January (YTD). */
export interface Reach {
	previousMonth: boolean;
	yearToDate: boolean;
}

export interface BucketRow {
	period_key: string;
	year: number;
	period_from: MonthIndex;
	period_to: MonthIndex;
	ytd_from: MonthIndex;
	scan_from: MonthIndex;
}

export function bucketRows(periods: readonly Period[], reach: Reach): BucketRow[] {
	const seen = new Set<string>();
	const rows: BucketRow[] = [];
	for (const p of periods) {
		if (seen.has(p.text)) continue;
		seen.add(p.text);
		const year = yearOf(p.to);
		const ytdFrom = monthIndex(year, 1);
		const start = reach.yearToDate ? Math.min(p.from, ytdFrom) : p.from;
		const scanFrom = reach.previousMonth ? start - 1 : start;
		rows.push({
			period_key: p.text,
			year,
			period_from: p.from,
			period_to: p.to,
			ytd_from: ytdFrom,
			scan_from: scanFrom
		});
	}
	return rows;
}

/** The `buckets` CTE: one row per period, written out so every query states its periods. */
export function bucketsCte(periods: readonly Period[], reach: Reach): string {
	const rows = bucketRows(periods, reach);
	if (rows.length === 0) throw new Error('no periods');
	const values = rows.map(
		(r) =>
			`\t\t(${[r.period_key, r.year, r.period_from, r.period_to, r.ytd_from, r.scan_from]
				.map(literal)
				.join(', ')})`
	);
	return [
		'buckets (period_key, year, period_from, period_to, ytd_from, scan_from) AS (',
		'\tVALUES',
		values.join(',\n'),
		')'
	].join('\n');
}
