import type { Catalog, Measure } from '../config/catalog-schema';
import { yearOf, type Period } from '../periods';
import { ident, literal } from '../sql/quote';
import { bucketMonthsCte, periodTermsCte, termsCte, unitMonthsCte, unitTasksCte } from './base';
import { bucketRows, bucketsCte } from './buckets';
import { indicatorSelect } from './indicators';
import { bucketColumn, planIndicators, taskColumn, type Plan } from './terms';
import type { IndicatorRow, UnitSelection } from './types';

/** The code of the totals row and the period key of the totals column. */
export const TOTAL = '*';

export interface PivotQuery extends UnitSelection {
	indicators: readonly string[];
	/** Raw measures of the catalog: flows summed over the months, stocks at the period's end. */
	measures: readonly string[];
	periods: readonly Period[];
}

/** One cell of the pivot: an indicator (with its counts) or a raw measure of a unit and period.
 * `code` is TOTAL for the selected units together, `period_key` TOTAL for the whole span. */
export interface PivotRow extends IndicatorRow {
	kind: 'indicator' | 'measure';
}

/**
 * Every selected unit, and all of them together (code TOTAL), for every period and for the
 * whole span of the periods (period_key TOTAL), for every field.
 *
 * The totals are never sums or averages of rates: the matched numerators and denominators of
 * the units (summed over the same unit-months as each unit's own) are summed first and the rate
 * recomputed from those sums, by the same expression as every other indicator. The span is one
 * more bucket over all the months, so a stock in it is read at the span's end and a flow summed
 * over all its months — never a sum of period-end stocks.
 */
export function pivotSql(catalog: Catalog, q: PivotQuery): string {
	const indicators = [...new Set(q.indicators)];
	const measures = [...new Set(q.measures)].map((id) => measureById(catalog, id));
	if (indicators.length + measures.length === 0) throw new Error('no fields');
	if (q.periods.length === 0) throw new Error('no periods');
	const plan = planIndicators(catalog, indicators);
	const reach = { previousMonth: plan.previousMonth, yearToDate: plan.yearToDate };
	const periods = [...q.periods, spanOf(q.periods)];
	const buckets = bucketRows(periods, reach);
	const ctes = [
		bucketsCte(periods, reach),
		unitMonthsCte(
			catalog,
			q,
			plan,
			buckets,
			measures.map((m) => ident(m.id))
		),
		bucketMonthsCte(),
		periodTermsCte(plan, measures.flatMap(measureAggregatesSql))
	];
	if (plan.taskMeasures.length) ctes.push(unitTasksCte(plan.taskMeasures, q.level), termsCte(plan));
	ctes.push(pivotTermsCte(plan, measures, plan.taskMeasures.length ? 'terms' : 'period_terms'));
	const selects = [
		...indicators.map(
			(id) =>
				`SELECT 'indicator' AS kind, * FROM (\n${indicatorSelect(catalog, id, 'pivot_terms', false)}\n)`
		),
		...measures.map(measureSelect)
	];
	return [
		`WITH\n${ctes.join(',\n')}`,
		selects.join('\nUNION ALL BY NAME\n'),
		'ORDER BY code, period_from, period_to, kind, indicator'
	].join('\n');
}

/** One bucket over every month of the periods: the totals column. */
export function spanOf(periods: readonly Period[]): Period {
	const from = Math.min(...periods.map((p) => p.from));
	const to = Math.max(...periods.map((p) => p.to));
	return { kind: periods[0].kind, year: yearOf(to), from, to, text: TOTAL };
}

function measureById(catalog: Catalog, id: string): Measure {
	const m = catalog.measures.find((x) => x.id === id);
	if (!m) throw new Error(`unknown measure ${JSON.stringify(id)}`);
	return m;
}

type MeasureColumn = 'val' | 'due' | 'reported';
const measureColumn = (id: string, c: MeasureColumn) => `measure:${id}:${c}`;

/**
 * A raw measure over a bucket: a flow summed over the period's months, a stock read at the
 * period's last month (summing month-end stocks over months would count people twice). Its
 * coverage is the reports due and received over the same months (a stock: at that month).
 */
function measureAggregatesSql(m: Measure): string[] {
	const over = (expr: string) =>
		m.kind === 'flow'
			? `sum(${expr}) FILTER (WHERE in_period)`
			: `arg_max_null(${expr}, m) FILTER (WHERE in_period)`;
	const as = (c: MeasureColumn) => ident(measureColumn(m.id, c));
	return [
		`CAST(${over(ident(m.id))} AS DOUBLE) AS ${as('val')}`,
		`CAST(${over('reports_due')} AS INTEGER) AS ${as('due')}`,
		`CAST(${over('reports_received')} AS INTEGER) AS ${as('reported')}`
	];
}

/** The columns of `terms` that add up over units: counts, coverage, tasks and measures. */
function additiveColumns(plan: Plan, measures: readonly Measure[]): string[] {
	return [
		...plan.matched.flatMap((m) => [
			bucketColumn(m.id, 'num'),
			...(m.den === 'sum' || m.den === 'end' || m.den === 'mean'
				? [bucketColumn(m.id, 'den')]
				: []),
			...(['due', 'reported', 'used', 'carried', 'start_est'] as const).map((c) =>
				bucketColumn(m.id, c)
			)
		]),
		...plan.taskMeasures.map(taskColumn),
		...measures.flatMap((m) =>
			(['val', 'due', 'reported'] as const).map((c) => measureColumn(m.id, c))
		)
	];
}

/**
 * `pivot_terms`: each unit's terms, and the selected units' together (code TOTAL) — every
 * numerator, denominator, task, measure and coverage count summed over the units, so that the
 * rate computed from them is Σ numerators / Σ denominators.
 */
function pivotTermsCte(plan: Plan, measures: readonly Measure[], source: string): string {
	const sums = additiveColumns(plan, measures).map((c) => `sum(${ident(c)}) AS ${ident(c)}`);
	const columns = [
		`${literal(TOTAL)} AS code`,
		'period_key',
		'year',
		'period_from',
		'period_to',
		'max(months) AS months',
		'max(last_month) AS last_month',
		...sums
	];
	return [
		'pivot_terms AS (',
		`\tSELECT * FROM ${source}`,
		'\tUNION ALL BY NAME',
		'\tSELECT',
		columns.map((c) => `\t\t${c}`).join(',\n'),
		`\tFROM ${source}`,
		'\tGROUP BY period_key, year, period_from, period_to',
		')'
	].join('\n');
}

function measureSelect(m: Measure): string {
	const col = (c: MeasureColumn) => ident(measureColumn(m.id, c));
	const columns = [
		"'measure' AS kind",
		'code',
		`${literal(m.id)} AS indicator`,
		'period_key',
		'period_from',
		'period_to',
		'months',
		'last_month',
		`${col('val')} AS numerator`,
		'CAST(NULL AS DOUBLE) AS denominator',
		`${col('val')} AS value`,
		'FALSE AS annualised',
		`${col('due')} AS due`,
		`${col('reported')} AS reported`,
		`${col('reported')} AS used`,
		'CAST(0 AS INTEGER) AS carried',
		'CAST(0 AS INTEGER) AS start_estimated'
	];
	return ['SELECT', columns.map((c) => `\t${c}`).join(',\n'), 'FROM pivot_terms'].join('\n');
}
