import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Connector } from '../connector/types';
import { monthIndex, parsePeriod } from '../periods';
import { unitFilterSql, unitMonthsCte, unitTasksCte } from './base';
import { bucketPeriods, bucketRows, bucketsCte, monthIndexSql } from './buckets';
import { COUNTY, loadCatalog, openFixture, T1, T2 } from './fixture';
import { indicatorSeriesSql, indicatorsSql, indicatorValuesSql } from './indicators';
import { indicatorExpr, planIndicators, termAggregateSql, termKey } from './terms';
import type { UnitSelection } from './types';

const catalog = loadCatalog();
const q1 = parsePeriod('2024Q1')!;
let db: Connector;
beforeAll(async () => {
	db = await openFixture(catalog);
});
afterAll(() => db.close());

describe('buckets', () => {
	it('monthIndexSql', () => {
		expect(monthIndexSql('period')).toBe(
			'CAST(year("period") * 12 + month("period") - 1 AS INTEGER)'
		);
	});

	it.each([
		['month', '2024-02', '2024-04', ['2024-02', '2024-03', '2024-04']],
		['quarter', '2023-05', '2024-01', ['2023Q2', '2023Q3', '2023Q4', '2024Q1']],
		['half', '2023-12', '2024-01', ['2023H2', '2024H1']],
		['year', '2023-12', '2024-01', ['2023', '2024']],
		['ytd', '2023-12', '2024-02', ['2023-12YTD', '2024-01YTD', '2024-02YTD']]
	] as const)('bucketPeriods %s %s … %s', (g, from, to, keys) => {
		const m = (t: string) => monthIndex(+t.slice(0, 4), +t.slice(5));
		expect(bucketPeriods(g, m(from), m(to)).map((p) => p.text)).toEqual(keys);
	});

	it('bucketPeriods rejects an empty range', () => {
		expect(() => bucketPeriods('month', 24290, 24289)).toThrow(/empty/);
	});

	it('bucketsCte writes one VALUES row per distinct period', () => {
		const reach = { previousMonth: true, yearToDate: false };
		expect(bucketsCte([q1, parsePeriod('2024-05YTD')!, q1], reach)).toBe(
			[
				'buckets (period_key, year, period_from, period_to, ytd_from, scan_from) AS (',
				'\tVALUES',
				"\t\t('2024Q1', 2024, 24288, 24290, 24288, 24287),",
				"\t\t('2024-05YTD', 2024, 24288, 24292, 24288, 24287)",
				')'
			].join('\n')
		);
	});

	it('scan_from reaches back to January and the month before when needed', () => {
		const p = parsePeriod('2024Q2')!;
		const scan = (previousMonth: boolean, yearToDate: boolean) =>
			bucketRows([p], { previousMonth, yearToDate })[0].scan_from;
		expect([scan(false, false), scan(true, false), scan(false, true), scan(true, true)]).toEqual([
			24291, 24290, 24288, 24287
		]);
	});

	it('bucketsCte binds in DuckDB', async () => {
		const cte = bucketsCte([q1], { previousMonth: false, yearToDate: false });
		expect(rowsOf(await db.query(`WITH ${cte} SELECT * FROM buckets`))).toEqual([
			{
				period_key: '2024Q1',
				year: 2024,
				period_from: 24288,
				period_to: 24290,
				ytd_from: 24288,
				scan_from: 24288
			}
		]);
	});
});

describe('terms', () => {
	it.each([
		[
			{ sum: ['births_total'] },
			false,
			'sum:births_total',
			'sum("births_total") FILTER (WHERE in_period)'
		],
		[
			{ end: 'pop_total' },
			false,
			'end:pop_total',
			'arg_max("pop_total", m) FILTER (WHERE in_period AND "pop_total" IS NOT NULL)'
		],
		[
			{ sum: ['prepreg_checks_done'] },
			true,
			'ytd:sum:prepreg_checks_done',
			'sum("prepreg_checks_done") FILTER (WHERE in_ytd)'
		]
	] as const)('%j (ytd %s) is %s', (term, ytd, key, sql) => {
		const use = { term: structuredClone(term) as never, ytd };
		expect(termKey(use)).toBe(key);
		expect(termAggregateSql(catalog, use)).toBe(sql);
	});

	it('a derived measure expands to its parts and ignores unreported parts', () => {
		expect(termAggregateSql(catalog, { term: { sum: ['four_ops'] }, ytd: false })).toBe(
			[
				'sum(coalesce("iud_insertions", 0) + coalesce("sterilizations", 0) + coalesce("abortions", 0)) FILTER (',
				'\tWHERE in_period AND ("iud_insertions" IS NOT NULL OR "sterilizations" IS NOT NULL OR "abortions" IS NOT NULL)',
				')'
			].join('\n')
		);
	});

	it('a mean stock starts at the month before, else the first stock of the period', () => {
		expect(termAggregateSql(catalog, { term: { mean: 'pop_total' }, ytd: false })).toBe(
			[
				'(',
				'\tcoalesce(',
				'\t\tmax("pop_total") FILTER (WHERE m = period_from - 1),',
				'\t\targ_min("pop_total", m) FILTER (WHERE in_period AND "pop_total" IS NOT NULL)',
				'\t)',
				'\t+ arg_max("pop_total", m) FILTER (WHERE in_period AND "pop_total" IS NOT NULL)',
				') / 2'
			].join('\n')
		);
	});

	it('tasks are looked up, never aggregated', () => {
		expect(() => termAggregateSql(catalog, { term: { task: 'four_ops' }, ytd: true })).toThrow(
			/looked up/
		);
		expect(termKey({ term: { task: 'four_ops' }, ytd: true })).toBe('task:four_ops');
	});

	it('planIndicators collects terms, measures and reach', () => {
		const plan = planIndicators(catalog, ['natural_growth_rate', 'four_ops_completion']);
		expect(plan.terms.map(termKey)).toEqual([
			'sum:births_total',
			'mean:pop_total',
			'sum:deaths',
			'ytd:sum:four_ops',
			'task:four_ops'
		]);
		expect(plan.taskMeasures).toEqual(['four_ops']);
		expect(plan.measures).toEqual([
			'births_total',
			'pop_total',
			'deaths',
			'iud_insertions',
			'sterilizations',
			'abortions'
		]);
		expect([plan.previousMonth, plan.yearToDate]).toEqual([true, true]);
	});

	it.each([
		[
			'birth_rate',
			true,
			'CAST("sum:births_total" AS DOUBLE) / NULLIF(CAST("mean:pop_total" AS DOUBLE), 0) * 1000 * 12 / months'
		],
		[
			'birth_rate',
			false,
			'CAST("sum:births_total" AS DOUBLE) / NULLIF(CAST("mean:pop_total" AS DOUBLE), 0) * 1000'
		],
		['out_policy_multi_births', true, 'CAST("sum:births_out_policy_3p" AS DOUBLE)'],
		[
			'natural_growth_rate',
			false,
			'(CAST("sum:births_total" AS DOUBLE) - CAST("sum:deaths" AS DOUBLE)) / NULLIF(CAST("mean:pop_total" AS DOUBLE), 0) * 1000'
		]
	] as const)('indicatorExpr %s annualise=%s', (id, annualise, value) => {
		expect(indicatorExpr(catalog, id, annualise).value).toBe(value);
	});
});

describe('unit selection and base CTEs', () => {
	it.each<[UnitSelection, string[]]>([
		[{ level: 'township', codes: ["a'b", 'c'] }, ["code IN ('a''b', 'c')"]],
		[{ level: 'township', codes: [] }, ['FALSE']],
		[
			{ level: 'village', parent: T1 },
			[`code IN (SELECT code FROM "units" WHERE parent_code = '${T1}')`]
		],
		[{ level: 'county' }, []]
	])('unitFilterSql %j', (selection, conditions) => {
		expect(unitFilterSql(selection)).toEqual(conditions);
	});

	it('unitMonthsCte reads only the needed columns and months', async () => {
		const plan = planIndicators(catalog, ['birth_rate']);
		const buckets = bucketRows([q1], { previousMonth: true, yearToDate: false });
		const cte = unitMonthsCte({ level: 'township', codes: [T1] }, plan, buckets);
		expect(cte).toBe(
			[
				'unit_months AS (',
				'\tSELECT',
				'\t\tcode,',
				'\t\tCAST(year("period") * 12 + month("period") - 1 AS INTEGER) AS m,',
				'\t\t"births_total",',
				'\t\t"pop_total"',
				'\tFROM "township_month"',
				`\tWHERE "period" BETWEEN DATE '2023-12-01' AND DATE '2024-03-01'`,
				`\t\tAND code IN ('${T1}')`,
				')'
			].join('\n')
		);
		const rows = rowsOf(
			await db.query(`WITH ${cte} SELECT m, births_total, pop_total FROM unit_months ORDER BY m`)
		);
		// T1 = V1 + V2: births 5 (Feb: V1 only, 2); pop 3000 + 10t (t = 8 … 11)
		expect(rows).toEqual([
			{ m: 24287, births_total: 5, pop_total: 3080 },
			{ m: 24288, births_total: 5, pop_total: 3090 },
			{ m: 24289, births_total: 2, pop_total: 3100 },
			{ m: 24290, births_total: 5, pop_total: 3110 }
		]);
	});

	it('unitTasksCte gives a county its own task or else the sum of its townships', async () => {
		const cte = unitTasksCte(['four_ops', 'prepreg_checks_done'], 'county');
		expect(cte).toContain(`sum(task) FILTER (WHERE measure = 'four_ops') AS "task:four_ops"`);
		expect(cte).toContain(`WHERE measure IN ('four_ops', 'prepreg_checks_done')`);
		const sql = `WITH ${cte} SELECT * FROM unit_tasks WHERE code IN ('${COUNTY}', '${T2}') ORDER BY year, code`;
		expect(rowsOf(await db.query(sql))).toEqual([
			{ code: COUNTY, year: 2023, 'task:four_ops': null, 'task:prepreg_checks_done': 200 }, // 100 + 100
			{ code: T2, year: 2023, 'task:four_ops': null, 'task:prepreg_checks_done': 100 },
			{ code: COUNTY, year: 2024, 'task:four_ops': 100, 'task:prepreg_checks_done': 357 }, // own; 200 + 157
			{ code: T2, year: 2024, 'task:four_ops': 30, 'task:prepreg_checks_done': 157 }
		]);
		expect(unitTasksCte(['four_ops'], 'township')).not.toContain('township.parent_code');
	});
});

describe('whole queries', () => {
	const spec = {
		indicator: 'birth_rate',
		level: 'county',
		from: 24279,
		to: 24293,
		granularity: 'quarter'
	} as const;

	it('are deterministic text with no trailing spaces', () => {
		const sql = indicatorSeriesSql(catalog, spec);
		expect(indicatorSeriesSql(catalog, { ...spec })).toBe(sql);
		expect(sql).not.toMatch(/[ \t]+$/m);
		expect(sql.startsWith('WITH\nbuckets (')).toBe(true);
		expect(sql.endsWith('ORDER BY code, period_from, period_to, indicator')).toBe(true);
		expect(sql).toContain('FROM "county_month"');
		expect(sql).not.toContain('unit_tasks'); // no task, no task lookup
	});

	it('name the output columns of IndicatorRow in order', async () => {
		const sql = indicatorValuesSql(catalog, {
			level: 'county',
			indicators: ['four_ops_completion'],
			period: q1
		});
		const table = await db.query(sql);
		expect(table.schema.fields.map((f) => `${f.name} ${f.type}`)).toEqual([
			'code Utf8',
			'indicator Utf8',
			'period_key Utf8',
			'period_from Int32',
			'period_to Int32',
			'months Int32',
			'last_month Int32',
			'numerator Float64',
			'denominator Float64',
			'value Float64',
			'annualised Bool'
		]);
	});

	it.each([
		[
			'an unknown indicator',
			() => indicatorValuesSql(catalog, { level: 'county', indicators: ['nope'], period: q1 })
		],
		[
			'no indicators',
			() => indicatorValuesSql(catalog, { level: 'county', indicators: [], period: q1 })
		],
		[
			'no periods',
			() => indicatorsSql(catalog, { level: 'county', indicators: ['birth_rate'], periods: [] })
		],
		[
			'an unknown level',
			() => indicatorSeriesSql(catalog, { ...spec, level: 'province' as never })
		],
		['an empty range', () => indicatorSeriesSql(catalog, { ...spec, from: 24293, to: 24279 })]
	])('throw on %s', (_, fn) => expect(fn).toThrow());

	it('the query folder stays pure: no DuckDB, Svelte or ECharts outside tests', () => {
		const dir = new URL('.', import.meta.url);
		const planning = readdirSync(dir).filter(
			(f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'fixture.ts'
		);
		for (const f of planning)
			expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(
				/@duckdb|svelte|echarts|connector\/node/
			);
	});
});
