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
 * V2 did not report 2024-02: the builder publishes its flows as NULL and carries its stocks
 * (stock_carried = 1); V3's reports of 2024-01 and 2024-02 arrived on the 5th (late).
 * The tables are published by the real builder from these rows as raw input (units.csv,
 * reports/reports.csv, tasks.csv), built on FIXTURE_TODAY: townships and the county are its
 * roll-up, not a second one written for the tests.
 *
 * Tasks: prepreg_checks_done 2024: T1 200, T2 157 (no county row → county 357); 2023: T1 100,
 * T2 100. four_ops 2024: county 100 (own row wins over T1 60 + T2 30). V1 prepreg 2024: 120.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../cli/build/run';
import { recordingEffects } from '../../cli/effects';
import { openExtractSet } from '../../cli/extract-set';
import { csvField } from '../../cli/demo/write';
import { parseCatalog } from '../config/catalog';
import type { Catalog } from '../config/catalog-schema';
import { createNodeConnector } from '../connector/node';
import { rowsOf, type Connector } from '../connector/types';
import { monthIndex, monthText, type MonthIndex } from '../periods';
import type { SqlValue } from '../sql/quote';
import type { IndicatorRow } from './types';
import type { Manifest } from '../extract/schema';
import type { Issue } from '../../cli/build/issues';

export const COUNTY = '990101000000';
export const T1 = '990101001000';
export const T2 = '990101002000';
export const V1 = '990101001001';
export const V2 = '990101001002';
export const V3 = '990101002001';
export const FIRST = monthIndex(2023, 4);
export const LAST = monthIndex(2024, 6);

type Row = Record<string, SqlValue | undefined>;

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

function villageMonth(code: string, m: MonthIndex): Row | null {
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
	if (code === V2 && is(2024, 2)) return null;
	const { reports_on_time: onTime, ...row } = base[code];
	// a late report arrives on the 5th of the next month
	return onTime ? row : { ...row, submitted_on: `${monthText(m + 1)}-05` };
}

/** A raw input directory for the real builder: units, one report file, tasks. */
export interface RawCounty {
	units: Row[];
	/** Report rows: code, period (YYYY-MM), submitted_on, measures; absent = not reported. */
	reports: Row[];
	tasks?: Row[];
	/** Extra files of the input directory (path → text), e.g. moves.csv. */
	files?: Record<string, string>;
}

const cell = (v: SqlValue | undefined) =>
	v === undefined || v === null
		? null
		: typeof v === 'boolean' || typeof v === 'bigint'
			? String(v)
			: v;

/** The build date the fixtures are built on: every deadline of 2024-06 has passed. */
export const FIXTURE_TODAY = '2024-07-15';

/**
 * Builds `raw` with the real `kaoping build` (the same roll-up, carrying and matching the site
 * gets) and returns a connector whose tables name the published extracts as the browser does,
 * with the manifest and the build's findings.
 */
export async function buildRaw(
	raw: RawCounty,
	catalog: Catalog,
	clock: { today?: string; now?: Date } = { today: FIXTURE_TODAY }
): Promise<{ db: Connector; manifest: Manifest; issues: Issue[] }> {
	const dir = mkdtempSync(join(tmpdir(), 'kaoping-query-fixture-'));
	try {
		const input = join(dir, 'input');
		mkdirSync(join(input, 'reports'), { recursive: true });
		const csv = (rows: Row[], cols: string[]) =>
			[cols.join(','), ...rows.map((r) => cols.map((c) => csvField(cell(r[c]))).join(','))].join(
				'\n'
			) + '\n';
		writeFileSync(
			join(input, 'units.csv'),
			csv(raw.units, ['code', 'name', 'level', 'parent_code', 'kind'])
		);
		const reportCols = ['code', 'period', 'submitted_on', ...catalog.measures.map((m) => m.id)];
		writeFileSync(join(input, 'reports', 'reports.csv'), csv(raw.reports, reportCols));
		if (raw.tasks)
			writeFileSync(join(input, 'tasks.csv'), csv(raw.tasks, ['code', 'year', 'measure', 'task']));
		for (const [path, text] of Object.entries(raw.files ?? {}))
			writeFileSync(join(input, path), text);
		const out = join(dir, 'out');
		const { fx, stderr } = recordingEffects(clock.now);
		const opts = {
			input,
			out,
			allowRejects: false,
			maxErrors: 20,
			lang: 'en' as const,
			today: clock.today
		};
		const result = await build(opts, fx);
		if (!result.published) throw new Error(`fixture did not build:\n${stderr()}`);
		const db = await createNodeConnector();
		const manifest = await openExtractSet(db, out, true);
		return { db, manifest, issues: result.issues };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function openBuilt(
	raw: RawCounty,
	catalog: Catalog,
	today = FIXTURE_TODAY
): Promise<Connector> {
	return (await buildRaw(raw, catalog, { today })).db;
}

/** Report rows for villages (code → township) from `from` to `to`, submitted on the 2nd. */
export function villageRows(
	codes: Record<string, string>,
	from: MonthIndex,
	to: MonthIndex,
	row: (code: string, m: MonthIndex) => Row | null
): Row[] {
	const rows: Row[] = [];
	for (const code of Object.keys(codes))
		for (let m = from; m <= to; m++) {
			const values = row(code, m);
			if (values === null) continue;
			rows.push({ code, period: monthText(m), submitted_on: `${monthText(m + 1)}-02`, ...values });
		}
	return rows;
}

/** The fixture county's raw inputs. */
export function fixtureCounty(): RawCounty {
	const reports = villageRows({ [V1]: T1, [V2]: T1, [V3]: T2 }, FIRST, LAST, villageMonth);
	return { units, reports, tasks };
}

/** The fixture county, built by the real builder. */
export async function openFixture(catalog: Catalog): Promise<Connector> {
	return openBuilt(fixtureCounty(), catalog);
}

/** The shipped catalog (tests run from the repository root). */
export function loadCatalog(): Catalog {
	return parseCatalog(readFileSync('data/config/indicators.yaml', 'utf8'));
}

/** Runs an indicator query and returns its rows. */
export async function indicatorRows(db: Connector, sql: string): Promise<IndicatorRow[]> {
	return rowsOf<IndicatorRow>(await db.query(sql));
}
