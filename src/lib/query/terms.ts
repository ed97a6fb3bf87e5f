import { indicatorById } from '../config/catalog-lookup';
import type { Catalog } from '../config/catalog-schema';
import { ident } from '../sql/quote';
import {
	matchedColumn,
	matchedColumns,
	matchedIds,
	matchedShape,
	matchedSelectSql,
	type Matched
} from './matched';

/** Everything a set of indicators needs from the data: matched columns, tasks, reach. */
export interface Plan {
	/** Indicators with matched columns of their own (see matched.ts), with their shapes. */
	matched: Matched[];
	taskMeasures: string[];
	/** A mean stock needs the month before the period (the opening stock of its first month). */
	previousMonth: boolean;
	yearToDate: boolean;
}

export function planIndicators(catalog: Catalog, ids: readonly string[]): Plan {
	const matched = matchedIds(catalog, ids).map((id) => matchedShape(catalog, id));
	return {
		matched,
		taskMeasures: [...new Set(matched.flatMap((m) => (m.taskMeasure ? [m.taskMeasure] : [])))],
		previousMonth: matched.some((m) => m.meanStock !== null),
		yearToDate: matched.some((m) => m.ytd)
	};
}

/** The task column of `unit_tasks` for a (derived) measure. */
export function taskColumn(measure: string): string {
	return `task:${measure}`;
}

/**
 * The unit-month columns a plan reads: a township's or the county's published matched columns
 * as they are, or a village's computed from its raw measures (`lag` over the village's months
 * gives the opening stock) — the same expressions the build summed for the levels above.
 */
export function unitMonthColumnsSql(catalog: Catalog, plan: Plan, village: boolean): string[] {
	const ids = plan.matched.map((m) => m.id);
	if (village) return matchedSelectSql(catalog, ids, (stock) => `lag(${ident(stock)}) OVER w`);
	return plan.matched.flatMap((m) => matchedColumns(m).map((c) => ident(matchedColumn(m.id, c))));
}

/** Per-bucket column of an indicator in `period_terms`, e.g. `policy_compliance_rate:num`. */
export type BucketColumn = 'num' | 'den' | 'due' | 'reported' | 'used' | 'carried' | 'start_est';
export const bucketColumn = (id: string, c: BucketColumn) => `${id}:${c}`;

/**
 * The aggregates of one matched indicator over the rows of `bucket_months`: flows summed over
 * the period's months (from January for a year-to-date numerator), a stock read at the period's
 * last month with data, a mean stock as the average over the period's months of each month's
 * exposure. Coverage counts the same range — or, for a rate of stocks alone, its end month.
 */
export function bucketAggregatesSql(m: Matched): string[] {
	const col = (c: string) => ident(matchedColumn(m.id, c as never));
	const range = m.ytd ? 'in_ytd' : 'in_period';
	const endOnly = m.num === 'end' && (m.den === 'end' || m.den === null || m.den === 'task');
	const atEnd = (expr: string) => `arg_max_null(${expr}, m) FILTER (WHERE in_period)`;
	const over = (expr: string, r = range) => `sum(${expr}) FILTER (WHERE ${r})`;
	const as = (c: BucketColumn) => ident(bucketColumn(m.id, c));
	const cover = (expr: string) => `CAST(${endOnly ? atEnd(expr) : over(expr)} AS INTEGER)`;
	const out = [
		`CAST(${m.num === 'sum' ? over(col('num')) : atEnd(col('num'))} AS DOUBLE) AS ${as('num')}`
	];
	if (m.den === 'sum') out.push(`CAST(${over(col('den'), 'in_period')} AS DOUBLE) AS ${as('den')}`);
	if (m.den === 'end') out.push(`CAST(${atEnd(col('den'))} AS DOUBLE) AS ${as('den')}`);
	if (m.den === 'mean')
		out.push(
			`CAST(${over(col('den'), 'in_period')} / count(*) FILTER (WHERE in_period) AS DOUBLE) AS ${as('den')}`
		);
	out.push(
		`${cover('reports_due')} AS ${as('due')}`,
		`${cover('reports_received')} AS ${as('reported')}`,
		`${cover(col('used'))} AS ${as('used')}`,
		`${m.hasStock ? cover(col('carried')) : 'CAST(0 AS INTEGER)'} AS ${as('carried')}`,
		`${m.meanStock ? cover(col('start_est')) : 'CAST(0 AS INTEGER)'} AS ${as('start_est')}`
	);
	return out;
}

/** Column expressions of one indicator over the `terms` CTE. */
export interface IndicatorExpr {
	numerator: string;
	denominator: string;
	value: string;
	annualised: boolean;
	/** Whose coverage the row reports (a difference without counts reports its first part's). */
	coverageOf: string;
}

/**
 * Numerator, denominator and value of an indicator over the `terms` CTE: Σ matched numerator /
 * Σ matched denominator × scale, NULL for a zero denominator (DuckDB's double division would give
 * Infinity). Annualising multiplies by 12 / months: with a mean stock's denominator averaged over
 * the period's months this is events per person-year of what was observed.
 */
export function indicatorExpr(catalog: Catalog, id: string, annualise = false): IndicatorExpr {
	const f = indicatorById(catalog, id).formula;
	const none = 'CAST(NULL AS DOUBLE)';
	const c = (x: string, k: BucketColumn) => ident(bucketColumn(x, k));
	if (f.kind === 'count') {
		const n = c(id, 'num');
		return { numerator: n, denominator: none, value: n, annualised: false, coverageOf: id };
	}
	if (f.kind === 'difference' && !matchedIds(catalog, [id]).includes(id)) {
		// rates that cannot both be annualised are subtracted as they are (the flag says which)
		let x = indicatorExpr(catalog, f.minuend, annualise);
		let y = indicatorExpr(catalog, f.subtrahend, annualise);
		if (x.annualised !== y.annualised) {
			x = indicatorExpr(catalog, f.minuend, false);
			y = indicatorExpr(catalog, f.subtrahend, false);
		}
		const value = `(${x.value}) - (${y.value})`;
		return {
			numerator: none,
			denominator: none,
			value,
			annualised: x.annualised,
			coverageOf: x.coverageOf
		};
	}
	const ratio = f.kind === 'ratio' ? f : indicatorById(catalog, f.minuend).formula;
	if (ratio.kind !== 'ratio') throw new Error(`indicators.${id}: not a rate`);
	const shape = matchedShape(catalog, id);
	const n = c(id, 'num');
	const d = shape.taskMeasure
		? `CAST(${ident(taskColumn(shape.taskMeasure))} AS DOUBLE)`
		: c(id, 'den');
	const annualised = annualise && ratio.annualisable;
	const per = annualised ? ` * ${ratio.scale} * 12 / months` : ` * ${ratio.scale}`;
	return {
		numerator: n,
		denominator: d,
		value: `${n} / NULLIF(${d}, 0)${per}`,
		annualised,
		coverageOf: id
	};
}
