import { monthText, type MonthIndex } from '../periods';
import { literal } from '../sql/quote';

/**
 * The 数据质量 page's values (README, "Data quality"): every village-month of a period with its
 * reporting status columns as the build published them, and the births found by cleaning.
 * Judgement (statuses, rates, the verdict) is src/lib/stats/completeness.ts.
 */
export interface QualityScope {
	/** First and last month, inclusive. */
	from: MonthIndex;
	to: MonthIndex;
	/** The county whose villages are read. */
	county: string;
	/** One township of it, or all of them when absent. */
	township?: string;
}

/** One village-month as the build published it (village_month), with names. */
export interface ReportCellRow {
	code: string;
	name: string;
	township_code: string;
	township_name: string;
	month: number;
	/** YYYY-MM-DD, or null when no report or no 报送日期. */
	submitted_on: string | null;
	received: number;
	on_time: number;
	judged: number;
	carried: number;
}

const day = (m: MonthIndex) => `DATE ${literal(`${monthText(m)}-01`)}`;

/** The villages of the scope in the township of each month (a moved village counts where it was). */
function scopeWhere(s: QualityScope): string {
	const where = [
		`v.period BETWEEN ${day(s.from)} AND ${day(s.to)}`,
		`t.parent_code = ${literal(s.county)}`
	];
	if (s.township) where.push(`v.township_code = ${literal(s.township)}`);
	return where.join(' AND ');
}

const FROM = `village_month v
JOIN units u ON u.code = v.code
JOIN units t ON t.code = v.township_code`;

const MONTH = `CAST(year(v.period) * 12 + month(v.period) - 1 AS INTEGER)`;

/** Every village × month of the scope: reported, on time, judged (deadline passed), carried. */
export function reportCellsSql(s: QualityScope): string {
	return `SELECT v.code, u.name, v.township_code, t.name AS township_name,
  ${MONTH} AS month,
  CAST(v.submitted_on AS VARCHAR) AS submitted_on,
  v.reports_received AS received, v.reports_on_time AS on_time,
  v.reports_judged AS judged, v.stock_carried AS carried
FROM ${FROM}
WHERE ${scopeWhere(s)}
ORDER BY t.sort_order, v.township_code, u.sort_order, v.code, v.period`;
}

/** One row of unreportedSql: a village-month, a township's period total, or the scope's. */
export interface UnreportedRow {
	grain: 'village_month' | 'township' | 'total';
	code: string | null;
	name: string | null;
	township_code: string | null;
	township_name: string | null;
	month: number | null;
	/** births_unreported_found: births the clean-up found that no report had counted. */
	found: number | null;
	/** births_total reported in the same unit-months. */
	reported: number | null;
}

/**
 * 漏报: births found by cleaning against births reported, per village-month where any were
 * found, per township of the scope and for the whole scope (sums over the same village-months).
 */
export function unreportedSql(s: QualityScope): string {
	const grain = `CASE grouping(v.code, v.township_code, ${MONTH})
    WHEN 0 THEN 'village_month' WHEN 5 THEN 'township' ELSE 'total' END`;
	return `SELECT ${grain} AS grain,
  v.code, any_value(u.name) AS name, v.township_code, any_value(t.name) AS township_name,
  ${MONTH} AS month,
  CAST(sum(v.births_unreported_found) AS INTEGER) AS found,
  CAST(sum(v.births_total) AS INTEGER) AS reported
FROM ${FROM}
WHERE ${scopeWhere(s)}
GROUP BY GROUPING SETS ((v.code, v.township_code, ${MONTH}), (v.township_code), ())
HAVING grouping(v.code, v.township_code, ${MONTH}) <> 0 OR sum(v.births_unreported_found) > 0
ORDER BY grouping(v.code, v.township_code, ${MONTH}), any_value(t.sort_order), v.township_code, any_value(u.sort_order), v.code, month`;
}
