import type { Catalog } from '../config/catalog-schema';
import type { Period } from '../periods';
import { ident, literal } from '../sql/quote';
import { bucketMonthsCte, periodTermsCte, termsCte, unitMonthsCte, unitTasksCte } from './base';
import { bucketPeriods, bucketRows, bucketsCte } from './buckets';
import { bucketColumn, indicatorExpr, planIndicators, type BucketColumn } from './terms';
import type { SeriesSpec, UnitSelection, ValuesSpec } from './types';

export interface IndicatorsQuery extends UnitSelection {
	indicators: readonly string[];
	periods: readonly Period[];
	annualise?: boolean;
}

/**
 * The one query shape behind every indicator view: rows of `IndicatorRow` (code, indicator,
 * period_key, period_from, period_to, months, last_month, numerator, denominator, value,
 * annualised and the coverage due, reported, used, carried, start_estimated), one per selected unit × indicator × period with data, ordered by code, period
 * and indicator.
 */
export function indicatorsSql(catalog: Catalog, q: IndicatorsQuery): string {
	if (q.indicators.length === 0) throw new Error('no indicators');
	if (q.periods.length === 0) throw new Error('no periods');
	const ids = [...new Set(q.indicators)];
	const plan = planIndicators(catalog, ids);
	const reach = { previousMonth: plan.previousMonth, yearToDate: plan.yearToDate };
	const buckets = bucketRows(q.periods, reach);
	const ctes = [
		bucketsCte(q.periods, reach),
		unitMonthsCte(catalog, q, plan, buckets),
		bucketMonthsCte(),
		periodTermsCte(plan)
	];
	if (plan.taskMeasures.length) ctes.push(unitTasksCte(plan.taskMeasures, q.level), termsCte(plan));
	const source = plan.taskMeasures.length ? 'terms' : 'period_terms';
	const selects = ids.map((id) => indicatorSelect(catalog, id, source, q.annualise ?? false));
	return [
		`WITH\n${ctes.join(',\n')}`,
		selects.join('\nUNION ALL\n'),
		'ORDER BY code, period_from, period_to, indicator'
	].join('\n');
}

/** One indicator over a range of months at a granularity (trend charts, small multiples). */
export function indicatorSeriesSql(catalog: Catalog, spec: SeriesSpec): string {
	const { indicator, from, to, granularity, ...rest } = spec;
	return indicatorsSql(catalog, {
		...rest,
		indicators: [indicator],
		periods: bucketPeriods(granularity, from, to)
	});
}

/** Several indicators for one period (or a few: this one, last year's, the previous one). */
export function indicatorValuesSql(catalog: Catalog, spec: ValuesSpec): string {
	const { indicators, period, ...rest } = spec;
	const periods: readonly Period[] = isPeriodList(period) ? period : [period];
	return indicatorsSql(catalog, { ...rest, indicators, periods });
}

function isPeriodList(p: Period | readonly Period[]): p is readonly Period[] {
	return Array.isArray(p);
}

/** The SELECT of one indicator over `terms` (or `period_terms` when no task is involved). */
export function indicatorSelect(
	catalog: Catalog,
	id: string,
	/** `terms`, `period_terms`, or a CTE of the same columns (the pivot's totals). */
	source: string,
	annualise: boolean
): string {
	const e = indicatorExpr(catalog, id, annualise);
	const cover = (c: BucketColumn) => `${ident(bucketColumn(e.coverageOf, c))} AS ${c}`;
	const columns = [
		'code',
		`${literal(id)} AS indicator`,
		'period_key',
		'period_from',
		'period_to',
		'months',
		'last_month',
		`${e.numerator} AS numerator`,
		`${e.denominator} AS denominator`,
		`${e.value} AS value`,
		`${literal(e.annualised)} AS annualised`,
		cover('due'),
		cover('reported'),
		cover('used'),
		cover('carried'),
		`${ident(bucketColumn(e.coverageOf, 'start_est'))} AS start_estimated`
	];
	return ['SELECT', columns.map((c) => `\t${c}`).join(',\n'), `FROM ${source}`].join('\n');
}
