import type { Catalog } from '../config/catalog-schema';
import { monthText } from '../periods';
import { dateLiteral, ident, literal, literalList } from '../sql/quote';
import { monthIndexSql, type BucketRow } from './buckets';
import { bucketAggregatesSql, taskColumn, unitMonthColumnsSql, type Plan } from './terms';
import { levels, type UnitSelection } from './types';

/** `"county_month"` etc.: the published unit-month table of a level. */
export function monthTable(level: UnitSelection['level']): string {
	if (!levels.includes(level)) throw new Error(`unknown level ${JSON.stringify(level)}`);
	return ident(`${level}_month`);
}

/**
 * The WHERE conditions that narrow a level's unit-months to `codes` and/or the children of
 * `parent`. A township's villages are its villages of each month (village_month.township_code):
 * a village that moved (moves.csv) counts under its old township for the months before, as in
 * the township's own totals, so that the villages listed add up to them.
 */
export function unitFilterSql(selection: UnitSelection): string[] {
	const conditions: string[] = [];
	if (selection.codes)
		conditions.push(selection.codes.length ? `code IN ${literalList(selection.codes)}` : 'FALSE');
	if (selection.parent !== undefined)
		conditions.push(
			selection.level === 'village'
				? `${ident('township_code')} = ${literal(selection.parent)}`
				: `code IN (SELECT code FROM ${ident('units')} WHERE parent_code = ${literal(selection.parent)})`
		);
	if (selection.grandparent !== undefined)
		conditions.push(
			`code IN (SELECT code FROM ${ident('units')} WHERE parent_code IN (SELECT code FROM ${ident('units')} WHERE parent_code = ${literal(selection.grandparent)}))`
		);
	return conditions;
}

/**
 * `unit_months`: the selected units' months with the month as an index, the reports due and
 * received, and the matched columns the plan needs (read for townships and the county, computed
 * for villages), from the first month any bucket reaches back to (the month before for a mean
 * stock, January for year to date) to the last bucket's end.
 */
export function unitMonthsCte(
	catalog: Catalog,
	selection: UnitSelection,
	plan: Plan,
	buckets: readonly BucketRow[],
	/** More columns of the month table (the pivot's raw measures), as written. */
	extraColumns: readonly string[] = []
): string {
	const first = Math.min(...buckets.map((b) => b.scan_from));
	const last = Math.max(...buckets.map((b) => b.period_to));
	const where = [
		`${ident('period')} BETWEEN ${dateLiteral(monthText(first))} AND ${dateLiteral(monthText(last))}`,
		...unitFilterSql(selection)
	];
	const village = selection.level === 'village';
	const columns = [
		'code',
		`${monthIndexSql('period')} AS m`,
		ident('reports_due'),
		ident('reports_received'),
		...unitMonthColumnsSql(catalog, plan, village),
		...extraColumns
	];
	return [
		'unit_months AS (',
		'\tSELECT',
		columns.map((c) => `\t\t${c}`).join(',\n'),
		`\tFROM ${monthTable(selection.level)}`,
		`\tWHERE ${where.join('\n\t\tAND ')}`,
		...(village ? [`\tWINDOW w AS (PARTITION BY code ORDER BY ${ident('period')})`] : []),
		')'
	].join('\n');
}

/** `bucket_months`: each unit-month joined to every bucket that reads it, with range flags. */
export function bucketMonthsCte(): string {
	return [
		'bucket_months AS (',
		'\tSELECT',
		'\t\tu.*,',
		'\t\tb.*,',
		'\t\tu.m BETWEEN b.period_from AND b.period_to AS in_period,',
		'\t\tu.m BETWEEN b.ytd_from AND b.period_to AS in_ytd',
		'\tFROM unit_months AS u',
		'\tJOIN buckets AS b ON u.m BETWEEN b.scan_from AND b.period_to',
		')'
	].join('\n');
}

/**
 * `period_terms`: one row per unit and bucket with the months covered and every indicator's
 * matched numerator, denominator and coverage. A bucket the unit has no month of (only reached
 * for the month before or for January) is dropped.
 */
export function periodTermsCte(plan: Plan, extraColumns: readonly string[] = []): string {
	const columns = [
		'code',
		'period_key',
		'year',
		'period_from',
		'period_to',
		'CAST(count(*) FILTER (WHERE in_period) AS INTEGER) AS months',
		'max(m) FILTER (WHERE in_period) AS last_month',
		...plan.matched.flatMap(bucketAggregatesSql),
		...extraColumns
	];
	return [
		'period_terms AS (',
		'\tSELECT',
		columns.map((c) => `\t\t${c}`).join(',\n'),
		'\tFROM bucket_months',
		'\tGROUP BY code, period_key, year, period_from, period_to',
		'\tHAVING count(*) FILTER (WHERE in_period) > 0',
		')'
	].join('\n');
}

/**
 * `unit_tasks`: the annual task of each unit, year and task measure, one column per measure.
 * A county without its own task row gets the sum of its townships' tasks (the county's task is
 * usually only written down per township).
 */
export function unitTasksCte(measures: readonly string[], level: UnitSelection['level']): string {
	if (measures.length === 0) throw new Error('no task measures');
	const tasks = ident('tasks');
	const units = ident('units');
	const own = ['\t\tSELECT code, year, measure, task', `\t\tFROM ${tasks}`];
	const fromTownships = [
		'\t\tUNION ALL',
		'\t\tSELECT township.parent_code AS code, t.year, t.measure, t.task',
		`\t\tFROM ${tasks} AS t`,
		`\t\tJOIN ${units} AS township ON township.code = t.code AND township.level = 'township'`,
		'\t\tWHERE NOT EXISTS (',
		`\t\t\tSELECT 1 FROM ${tasks} AS o`,
		'\t\t\tWHERE o.code = township.parent_code AND o.year = t.year AND o.measure = t.measure',
		'\t\t)'
	];
	const pivot = measures.map(
		(m) => `\t\tsum(task) FILTER (WHERE measure = ${literal(m)}) AS ${ident(taskColumn(m))}`
	);
	return [
		'unit_tasks AS (',
		'\tSELECT',
		['\t\tcode', '\t\tyear', ...pivot].join(',\n'),
		'\tFROM (',
		...own,
		...(level === 'county' ? fromTownships : []),
		'\t) AS task_rows',
		`\tWHERE measure IN ${literalList(measures)}`,
		'\tGROUP BY code, year',
		')'
	].join('\n');
}

/** `terms`: period_terms with the task columns attached by unit and the bucket's year. */
export function termsCte(plan: Plan): string {
	const taskColumns = plan.taskMeasures.map((m) => ident(taskColumn(m)));
	return [
		'terms AS (',
		`\tSELECT p.*, ${taskColumns.map((c) => `k.${c}`).join(', ')}`,
		'\tFROM period_terms AS p',
		'\tLEFT JOIN unit_tasks AS k ON k.code = p.code AND k.year = p.year',
		')'
	].join('\n');
}
