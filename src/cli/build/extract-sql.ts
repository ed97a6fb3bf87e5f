import type { Catalog } from '../../lib/config/catalog-schema';
import { matchedColumnDefs } from '../../lib/extract/schema';
import { allMatchedIds, matchedSelectSql } from '../../lib/query/matched';
import { ident, literal } from '../../lib/sql/quote';

/**
 * SQL that turns the staged rows (report_raw, unit_raw) into the published tables. Pure text
 * builders: the build runs them in DuckDB, tests check both their text and their results.
 */

export const STAGING = { reports: 'report_raw', units: 'unit_raw', tasks: 'task_raw', incidents: 'incident_raw', moves: 'move_raw' };

/** Valid report rows as parsed: month and submitted as numbers, src/line for findings. */
export function reportStagingSql(c: Catalog): string {
	const measures = c.measures.map(
		(m) => `${ident(m.id)} ${m.type === 'money' ? 'DOUBLE' : 'INTEGER'}`
	);
	return `CREATE TABLE ${STAGING.reports} (code VARCHAR, month INTEGER, submitted INTEGER, ${measures.join(', ')}, src INTEGER, line INTEGER)`;
}

export function createStagingSql(c: Catalog): string[] {
	return [
		`CREATE TABLE ${STAGING.units} (code VARCHAR, name VARCHAR, level VARCHAR, parent_code VARCHAR, kind VARCHAR, township_code VARCHAR, county_code VARCHAR, sort_order INTEGER)`,
		reportStagingSql(c),
		`CREATE TABLE ${STAGING.tasks} (code VARCHAR, year INTEGER, measure VARCHAR, task INTEGER)`,
		`CREATE TABLE ${STAGING.incidents} (code VARCHAR, township_code VARCHAR, day INTEGER, type VARCHAR, count INTEGER, note VARCHAR)`,
		`CREATE TABLE ${STAGING.moves} (code VARCHAR, month_from INTEGER, month_to INTEGER, township_code VARCHAR)`
	];
}

const monthDate = (m: string) => `make_date(CAST(${m} // 12 AS INTEGER), CAST(${m} % 12 + 1 AS INTEGER), 1)`;

/**
 * The township a unit was in during a month (MonthIndex `month`): before a move (moves.csv) the
 * old one, else units.csv's (`current`). One rule for the village-months and the incidents, so
 * that a village's findings count where its reports of the same month do.
 */
const townshipThen = (code: string, month: string, current: string) => ({
	column: `coalesce(mv.township_code, ${current}) AS township_code`,
	join: `LEFT JOIN ${STAGING.moves} mv ON mv.code = ${code} AND ${month} BETWEEN mv.month_from AND mv.month_to`
});

/**
 * Every copy of a (code, month) reported more than once, with the location of another copy:
 * all copies are rejected, since which one is right is for the county to say.
 */
export const duplicatesSql = `SELECT code, month, src, line,
  CASE WHEN row_number() OVER w = 1 THEN lead(src) OVER w ELSE first_value(src) OVER w END AS other_src,
  CASE WHEN row_number() OVER w = 1 THEN lead(line) OVER w ELSE first_value(line) OVER w END AS other_line
FROM ${STAGING.reports}
WINDOW w AS (PARTITION BY code, month ORDER BY src, line)
QUALIFY count(*) OVER (PARTITION BY code, month) > 1
ORDER BY src, line`;

/**
 * Every village × every month of the data range. Flows stay as reported (NULL = not reported);
 * month-end stocks are carried forward from the village's last report for at most
 * `stock_carry_months` months (one missed report), after which they are NULL: a village that
 * stopped reporting leaves the rates instead of keeping its population in them. stock_carried is
 * 1 on a row whose stocks were carried (a township sums it: villages carried).
 * Timeliness is judged at the build date `today` (a day number): a report is on time when
 * received by the due day of the next month; judged when that day has passed (or it arrived on
 * time already) and it was not received without a date — not yet due is not late, and no date is
 * unknown, not late.
 */
export function villageMonthSql(c: Catalog, fromMonth: number, toMonth: number, today: number): string {
	const stocks = c.measures.filter((m) => m.kind === 'stock').map((m) => m.id);
	const carry = (id: string) => `last_value(r.${id} IGNORE NULLS) OVER w`;
	const cols = c.measures.map((m) => {
		const id = ident(m.id);
		if (m.kind === 'stock') return `${carry(id)} AS ${id}`;
		return m.type === 'money' ? `CAST(r.${id} AS DECIMAL(18,2)) AS ${id}` : `r.${id}`;
	});
	const due = `make_date(CAST((g.month + 1) // 12 AS INTEGER), CAST((g.month + 1) % 12 + 1 AS INTEGER), ${literal(c.report_due_day)})`;
	const submitted = `(DATE '1970-01-01' + r.submitted)`;
	const onTime = `coalesce(${submitted} <= ${due}, false)`;
	const undated = 'r.code IS NOT NULL AND r.submitted IS NULL';
	const todayDate = `(DATE '1970-01-01' + ${literal(today)})`;
	const carried = stocks.map((s) => `(r.${ident(s)} IS NULL AND ${carry(ident(s))} IS NOT NULL)`).join(' OR ');
	// the previous month's stock as it stood then (carried too), for the month's exposure: the
	// same partition and order as w, so the roll-up needs no second pass over the village rows
	const previous = stocks.map(
		(s) => `last_value(r.${ident(s)} IGNORE NULLS) OVER wp AS ${ident(previousColumn(s))}`
	);
	const then = townshipThen('u.code', 'm.range', 'u.township_code');
	return `CREATE TABLE village_month AS
SELECT g.code, g.township_code, ${monthDate('g.month')} AS period,
  CAST(${submitted} AS DATE) AS submitted_on,
  ${cols.join(',\n  ')},
  1 AS reports_due,
  CAST(r.code IS NOT NULL AS INTEGER) AS reports_received,
  CAST(${onTime} AS INTEGER) AS reports_on_time,
  CAST((${todayDate} > ${due} OR ${onTime}) AND NOT (${undated}) AS INTEGER) AS reports_judged,
  CAST(coalesce(${carried || 'false'}, false) AS INTEGER) AS stock_carried,
  ${previous.join(',\n  ')}
FROM (
  SELECT u.code, ${then.column}, m.range AS month
  FROM ${STAGING.units} u CROSS JOIN range(${literal(fromMonth)}, ${literal(toMonth + 1)}) m
  ${then.join}
  WHERE u.level = 'village'
) g
LEFT JOIN ${STAGING.reports} r ON r.code = g.code AND r.month = g.month
WINDOW w AS (PARTITION BY g.code ORDER BY g.month ROWS BETWEEN ${literal(c.stock_carry_months)} PRECEDING AND CURRENT ROW),
  wp AS (PARTITION BY g.code ORDER BY g.month ROWS BETWEEN ${literal(c.stock_carry_months + 1)} PRECEDING AND 1 PRECEDING)
ORDER BY g.township_code, g.code, g.month`;
}

/**
 * Township or county rows, month by month: the sums of their villages' measures (stocks summed
 * across units, never across months) and the matched columns of every indicator (see
 * src/lib/query/matched.ts) summed the same way. A village counts for the township its row names
 * (village_month.township_code), so a village that moved keeps last year's rows with last year's
 * township. Every unit of the level gets every month.
 */
export function rollupSql(c: Catalog, level: 'township' | 'county'): string {
	const key = level === 'township' ? 'v.township_code' : 't.parent_code';
	const sums = [
		...c.measures.map((m) => [m.id, m.type === 'money' ? 'DECIMAL(18,2)' : 'INTEGER'] as const),
		...c.system_measures.map((s) => [s.id, 'INTEGER'] as const),
		...matchedColumnDefs(c).map((d) => [d.name, d.type] as const)
	].map(([id, type]) => `CAST(sum(v.${ident(id)}) AS ${type}) AS ${ident(id)}`);
	const zeroWhenNone = new Set([
		...c.system_measures.map((s) => s.id),
		...matchedColumnDefs(c).filter((d) => d.type === 'INTEGER').map((d) => d.name)
	]);
	const outer = [...c.measures.map((m) => m.id), ...c.system_measures.map((s) => s.id), ...matchedColumnDefs(c).map((d) => d.name)].map((id) =>
		zeroWhenNone.has(id) ? `coalesce(s.${ident(id)}, 0) AS ${ident(id)}` : `s.${ident(id)}`
	);
	const matched = matchedSelectSql(c, allMatchedIds(c), (stock) => ident(previousColumn(stock)));
	// every column is a sum over villages, so the county is the sum of its townships: the
	// village rows (and their window) are read once, for the townships
	const source =
		level === 'township'
			? `(
    SELECT *,
      ${matched.join(',\n      ')}
    FROM village_month
  ) v JOIN ${STAGING.units} t ON t.code = v.township_code`
			: `township_month v JOIN ${STAGING.units} t ON t.code = v.code`;
	return `CREATE TABLE ${level}_month AS
WITH sums AS (
  SELECT ${key} AS code, v.period,
    ${sums.join(',\n    ')}
  FROM ${source}
  GROUP BY ALL
)
SELECT g.code, g.period,
  ${outer.join(',\n  ')}
FROM (
  SELECT u.code, p.period FROM ${STAGING.units} u
  CROSS JOIN (SELECT DISTINCT period FROM village_month) p
  WHERE u.level = ${literal(level)}
) g
LEFT JOIN sums s ON s.code = g.code AND s.period = g.period
ORDER BY g.code, g.period`;
}

/** The build's own column of the previous month's stock; dropped before publishing. */
export const previousColumn = (stock: string) => `_previous_${stock}`;

/** village_month's helper columns for the roll-ups (each stock's previous month), quoted. */
export const helperColumns = (c: Catalog): string[] =>
	c.measures.filter((m) => m.kind === 'stock').map((m) => ident(previousColumn(m.id)));

/** Drops the build's helper columns from village_month once the roll-ups have used them. */
export function dropHelpersSql(c: Catalog): string[] {
	return helperColumns(c).map((col) => `ALTER TABLE village_month DROP COLUMN ${col}`);
}

export const unitsSql = `CREATE TABLE units AS
SELECT code, name, level, parent_code, kind, township_code, sort_order
FROM ${STAGING.units} ORDER BY sort_order`;

/**
 * Per township file, the villages in it that units.csv now lists under another township: they
 * moved (moves.csv), and their months before the move are in this file. The village index names
 * them, so that a village's own page loads its old township's file as well as its current one.
 */
export const formerVillagesSql = `SELECT v.township_code AS township, list(DISTINCT v.code ORDER BY v.code) AS codes
FROM village_month v JOIN units u ON u.code = v.code
WHERE u.parent_code IS DISTINCT FROM v.township_code
GROUP BY ALL ORDER BY township`;

export const tasksSql = `CREATE TABLE tasks AS
SELECT code, year, measure, task FROM ${STAGING.tasks} ORDER BY code, year, measure`;

const incidentThen = townshipThen(
	'i.code',
	"year(DATE '1970-01-01' + i.day) * 12 + month(DATE '1970-01-01' + i.day) - 1",
	'i.township_code'
);
/**
 * Incidents with the township of their month: a village's finding from before it moved
 * (moves.csv) counts for the township it belonged to then, as its reports of that month do.
 */
export const incidentsSql = `CREATE TABLE incidents AS
SELECT i.code, ${incidentThen.column},
  CAST(DATE '1970-01-01' + i.day AS DATE) AS date, i.type, i.count, i.note
FROM ${STAGING.incidents} i
${incidentThen.join}
ORDER BY date, i.code`;
