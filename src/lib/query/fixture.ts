/**
 * A tiny hand-made county for the query tests (imported by tests only). Every number is simple
 * enough to add up by hand; the tests write their expected values as literals with the sums.
 *
 * County 990101000000 → township T1 (villages V1, V2) and T2 (village V3).
 * Months 2023-04 … 2024-06 (15 months, t = 0 … 14; t = 9 is 2024-01, t = 14 is 2024-06).
 *
 * Per village and month (flows) or month end (stocks):
 *
 * | measure                | V1          | V2            | V3                        |
 * |------------------------|-------------|---------------|---------------------------|
 * | pop_total (stock)      | 1000 + 10t  | 2000          | 3000 + 20t                |
 * | women_married_15_49    | 200         | 400           | 400                       |
 * | contraception_users    | 180 + t     | 360           | 300 + 2t                  |
 * | births total/m/f       | 2 / 1 / 1   | 3 / 2 / 1     | 1 / 1 / 0                 |
 * | parity 1 / 2 / 3+      | 1 / 1 / 0   | 2 / 1 / 0     | 0 / 0 / 1                 |
 * | births_in_policy       | 2           | 3             | 0                         |
 * | births_out_policy_3p   | 0           | 0             | 1 in 2024-02, else 0      |
 * | deaths                 | 1           | 1             | 2                         |
 * | iud / steril. / abort. | 1 / 0 / 1   | 2 / 1 / 0     | 0 / 0 / 1                 |
 * | checkups due / done    | 10 / 9      | 20 / 18       | 10 / 1                    |
 * | fee assessed / coll.   | 1000.50 / 500.25 | 0 / 0    | 2000.00 / 1500.00         |
 * | prepreg_checks_done    | 20          | 5             | 3, but 10 in 2024-05      |
 * | floating due / done    | 10 / 10     | 0 / 0         | 5 / 4                     |
 * | info sent / feedback   | 4 / 3       | 0 / 0         | 0 / 0                     |
 * | births_unreported_found| 0           | 0             | 1 in 2024-01, else 0      |
 * | reports on time        | 1           | 1             | 0 in 2024-01 and 2024-02  |
 *
 * V2 did not report 2024-02: its flows are NULL, its stocks carried (stock_carried = 3),
 * reports_received = reports_on_time = 0. Every village has reports_due = 1 every month.
 * Townships and the county are sums over their villages per month, as the builder publishes.
 *
 * Tasks: prepreg_checks_done 2024: T1 200, T2 157 (no county row → county 357); 2023: T1 100,
 * T2 100. four_ops 2024: county 100 (own row wins over T1 60 + T2 30). V1 prepreg 2024: 120.
 */
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../config/catalog';
import type { Catalog } from '../config/catalog-schema';
import { createNodeConnector } from '../connector/node';
import { rowsOf, type Connector } from '../connector/types';
import { taskColumns, unitColumns, unitMonthColumns, villageMonthColumns } from '../extract/schema';
import type { ColumnDef } from '../extract/schema';
import { monthIndex, monthText, type MonthIndex } from '../periods';
import { dateLiteral, ident, literal, type SqlValue } from '../sql/quote';
import type { IndicatorRow } from './types';

export const COUNTY = '990101000000';
export const T1 = '990101001000';
export const T2 = '990101002000';
export const V1 = '990101001001';
export const V2 = '990101001002';
export const V3 = '990101002001';
export const FIRST = monthIndex(2023, 4);
export const LAST = monthIndex(2024, 6);

type Row = Record<string, SqlValue>;

// prettier-ignore
const units: Row[] = [
	{ code: COUNTY, name: '示范县', level: 'county', parent_code: null, kind: '县', township_code: null, sort_order: 1 },
	{ code: T1, name: '城关镇', level: 'township', parent_code: COUNTY, kind: '镇', township_code: T1, sort_order: 1 },
	{ code: T2, name: '河西乡', level: 'township', parent_code: COUNTY, kind: '乡', township_code: T2, sort_order: 2 },
	{ code: V1, name: '东村', level: 'village', parent_code: T1, kind: '村', township_code: T1, sort_order: 1 },
	{ code: V2, name: `O'Brien"; DROP TABLE units; --`, level: 'village', parent_code: T1, kind: '村', township_code: T1, sort_order: 2 },
	{ code: V3, name: '<img src=x onerror=alert(1)>', level: 'village', parent_code: T2, kind: '村', township_code: T2, sort_order: 1 }
];

const tasks: Row[] = [
	{ code: T1, year: 2024, measure: 'prepreg_checks_done', task: 200 },
	{ code: T2, year: 2024, measure: 'prepreg_checks_done', task: 157 },
	{ code: T1, year: 2023, measure: 'prepreg_checks_done', task: 100 },
	{ code: T2, year: 2023, measure: 'prepreg_checks_done', task: 100 },
	{ code: COUNTY, year: 2024, measure: 'four_ops', task: 100 },
	{ code: T1, year: 2024, measure: 'four_ops', task: 60 },
	{ code: T2, year: 2024, measure: 'four_ops', task: 30 },
	{ code: V1, year: 2024, measure: 'prepreg_checks_done', task: 120 }
];

const stocks = ['pop_total', 'women_married_15_49', 'contraception_users'];

function villageMonth(code: string, m: MonthIndex): Row {
	const t = m - FIRST;
	const is = (year: number, month: number) => m === monthIndex(year, month);
	// prettier-ignore
	const base: Record<string, Row> = {
		[V1]: {
			pop_total: 1000 + 10 * t, women_married_15_49: 200, contraception_users: 180 + t,
			births_total: 2, births_male: 1, births_female: 1,
			births_parity1: 1, births_parity2: 1, births_parity3p: 0,
			births_in_policy: 2, births_out_policy_3p: 0, deaths: 1,
			iud_insertions: 1, sterilizations: 0, abortions: 1,
			checkups_due: 10, checkups_done: 9, fee_assessed: 1000.5, fee_collected: 500.25,
			prepreg_checks_done: 20, floating_checks_due: 10, floating_checks_done: 10,
			floating_info_sent: 4, floating_info_feedback: 3, births_unreported_found: 0,
			reports_on_time: 1
		},
		[V2]: {
			pop_total: 2000, women_married_15_49: 400, contraception_users: 360,
			births_total: 3, births_male: 2, births_female: 1,
			births_parity1: 2, births_parity2: 1, births_parity3p: 0,
			births_in_policy: 3, births_out_policy_3p: 0, deaths: 1,
			iud_insertions: 2, sterilizations: 1, abortions: 0,
			checkups_due: 20, checkups_done: 18, fee_assessed: 0, fee_collected: 0,
			prepreg_checks_done: 5, floating_checks_due: 0, floating_checks_done: 0,
			floating_info_sent: 0, floating_info_feedback: 0, births_unreported_found: 0,
			reports_on_time: 1
		},
		[V3]: {
			pop_total: 3000 + 20 * t, women_married_15_49: 400, contraception_users: 300 + 2 * t,
			births_total: 1, births_male: 1, births_female: 0,
			births_parity1: 0, births_parity2: 0, births_parity3p: 1,
			births_in_policy: 0, births_out_policy_3p: is(2024, 2) ? 1 : 0, deaths: 2,
			iud_insertions: 0, sterilizations: 0, abortions: 1,
			checkups_due: 10, checkups_done: 1, fee_assessed: 2000, fee_collected: 1500,
			prepreg_checks_done: is(2024, 5) ? 10 : 3, floating_checks_due: 5, floating_checks_done: 4,
			floating_info_sent: 0, floating_info_feedback: 0,
			births_unreported_found: is(2024, 1) ? 1 : 0,
			reports_on_time: is(2024, 1) || is(2024, 2) ? 0 : 1
		}
	};
	const row: Row = { ...base[code], reports_due: 1, reports_received: 1, stock_carried: 0 };
	if (code === V2 && is(2024, 2)) {
		for (const key of Object.keys(row)) if (!stocks.includes(key)) row[key] = null;
		Object.assign(row, {
			reports_due: 1,
			reports_received: 0,
			reports_on_time: 0,
			stock_carried: 3
		});
	}
	return row;
}

/** CREATE TABLE statements for the published tables, column for column as the extracts. */
export async function createTables(db: Connector, catalog: Catalog): Promise<void> {
	const create = (name: string, cols: ColumnDef[]) =>
		`CREATE TABLE ${ident(name)} (${cols.map((c) => `${ident(c.name)} ${c.type}`).join(', ')});`;
	await db.exec(
		[
			create('units', unitColumns),
			create('tasks', taskColumns),
			create('village_month', villageMonthColumns(catalog)),
			create('township_month', unitMonthColumns(catalog)),
			create('county_month', unitMonthColumns(catalog))
		].join('\n')
	);
}

export async function insertRows(db: Connector, table: string, cols: ColumnDef[], rows: Row[]) {
	if (!rows.length) return;
	const values = rows.map((r) => `(${cols.map((c) => value(c, r[c.name] ?? null)).join(', ')})`);
	await db.exec(
		`INSERT INTO ${ident(table)} (${cols.map((c) => ident(c.name)).join(', ')}) VALUES\n${values.join(',\n')}`
	);
}

function value(col: ColumnDef, v: SqlValue): string {
	return col.type === 'DATE' && typeof v === 'string' ? dateLiteral(v) : literal(v);
}

/** Township and county rows as sums of their villages' rows, month by month. */
export async function rollUp(db: Connector, catalog: Catalog, county: string): Promise<void> {
	const measures = unitMonthColumns(catalog)
		.slice(2)
		.map((c) => ident(c.name));
	const sums = measures.map((c) => `sum(${c})`).join(', ');
	const cols = ['code', 'period', ...measures.map((c) => c)].join(', ');
	await db.exec(
		`INSERT INTO township_month (${cols}) SELECT township_code, period, ${sums} FROM village_month GROUP BY ALL;
		INSERT INTO county_month (${cols}) SELECT ${literal(county)}, period, ${sums} FROM village_month GROUP BY ALL;`
	);
}

export function villageRows(
	codes: Record<string, string>,
	from: MonthIndex,
	to: MonthIndex,
	row: (code: string, m: MonthIndex) => Row
): Row[] {
	const rows: Row[] = [];
	for (const [code, township] of Object.entries(codes))
		for (let m = from; m <= to; m++) {
			const period = `${monthText(m)}-01`;
			const submitted = `${monthText(m + 1)}-02`;
			rows.push({
				code,
				township_code: township,
				period,
				submitted_on: submitted,
				...row(code, m)
			});
		}
	return rows;
}

/** The fixture county in a fresh in-memory table set. */
export async function loadFixture(db: Connector, catalog: Catalog): Promise<void> {
	await createTables(db, catalog);
	await insertRows(db, 'units', unitColumns, units);
	await insertRows(db, 'tasks', taskColumns, tasks);
	const rows = villageRows({ [V1]: T1, [V2]: T1, [V3]: T2 }, FIRST, LAST, villageMonth);
	await insertRows(db, 'village_month', villageMonthColumns(catalog), rows);
	await rollUp(db, catalog, COUNTY);
}

/** The shipped catalog (tests run from the repository root). */
export function loadCatalog(): Catalog {
	return parseCatalog(readFileSync('data/config/indicators.yaml', 'utf8'));
}

/** A fresh in-memory DuckDB holding the fixture county. */
export async function openFixture(catalog: Catalog): Promise<Connector> {
	const db = await createNodeConnector();
	await loadFixture(db, catalog);
	return db;
}

/** Runs an indicator query and returns its rows. */
export async function indicatorRows(db: Connector, sql: string): Promise<IndicatorRow[]> {
	return rowsOf<IndicatorRow>(await db.query(sql));
}
