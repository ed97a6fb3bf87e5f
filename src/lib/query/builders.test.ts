import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Connector } from '../connector/types';
import { monthIndex, parsePeriod } from '../periods';
import { unitFilterSql, unitMonthsCte, unitTasksCte } from './base';
import { bucketPeriods, bucketRows, bucketsCte, monthIndexSql } from './buckets';
import { COUNTY, loadCatalog, openFixture, T1, T2 } from './fixture';
import { indicatorSeriesSql, indicatorsSql, indicatorValuesSql } from './indicators';
import { matchedColumns, matchedSelectSql, matchedShape } from './matched';
import { bucketAggregatesSql, indicatorExpr, planIndicators } from './terms';
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

describe('matched terms', () => {
	const prev = (stock: string) => `lag("${stock}") OVER w`;

	it('a rate of flows uses a month only when both flows were reported', () => {
		expect(matchedSelectSql(catalog, ['policy_compliance_rate'], prev)).toEqual([
			'CASE WHEN "births_in_policy" IS NOT NULL AND "births_total" IS NOT NULL THEN CAST("births_in_policy" AS DOUBLE) END AS "policy_compliance_rate.num"',
			'CASE WHEN "births_in_policy" IS NOT NULL AND "births_total" IS NOT NULL THEN CAST("births_total" AS DOUBLE) END AS "policy_compliance_rate.den"',
			'CAST("births_in_policy" IS NOT NULL AND "births_total" IS NOT NULL AS INTEGER) AS "policy_compliance_rate.used"'
		]);
	});

	it("a mean stock is the month's exposure, with the month-end standing in for an unknown start", () => {
		const [, den, , carried, startEst] = matchedSelectSql(catalog, ['birth_rate'], prev);
		expect(den).toBe(
			'CASE WHEN "births_total" IS NOT NULL AND "pop_total" IS NOT NULL THEN CAST((coalesce(lag("pop_total") OVER w, "pop_total") + "pop_total") / 2 AS DOUBLE) END AS "birth_rate.den"'
		);
		expect(carried).toBe(
			'CAST("births_total" IS NOT NULL AND "pop_total" IS NOT NULL AND "stock_carried" > 0 AS INTEGER) AS "birth_rate.carried"'
		);
		expect(startEst).toBe(
			'CAST("births_total" IS NOT NULL AND "pop_total" IS NOT NULL AND lag("pop_total") OVER w IS NULL AS INTEGER) AS "birth_rate.start_est"'
		);
	});

	it('a derived measure needs every part reported; natural growth needs births, deaths and population', () => {
		expect(matchedShape(catalog, 'four_ops_completion')).toMatchObject({
			num: 'sum',
			den: 'task',
			ytd: true,
			plus: ['iud_insertions', 'sterilizations', 'abortions'],
			taskMeasure: 'four_ops'
		});
		expect(matchedShape(catalog, 'natural_growth_rate')).toMatchObject({
			plus: ['births_total'],
			minus: ['deaths'],
			den: 'mean',
			measures: ['births_total', 'deaths', 'pop_total'],
			meanStock: 'pop_total'
		});
		expect(matchedColumns(matchedShape(catalog, 'out_policy_multi_births'))).toEqual([
			'num',
			'used'
		]);
	});

	it('period aggregates: flows summed over the range, stocks at the end, coverage alike', () => {
		const [num, den, due] = bucketAggregatesSql(matchedShape(catalog, 'contraceptive_prevalence'));
		expect(num).toBe(
			'CAST(arg_max_null("contraceptive_prevalence.num", m) FILTER (WHERE in_period) AS DOUBLE) AS "contraceptive_prevalence:num"'
		);
		expect(den).toContain('arg_max_null("contraceptive_prevalence.den", m)');
		expect(due).toBe(
			'CAST(arg_max_null(reports_due, m) FILTER (WHERE in_period) AS INTEGER) AS "contraceptive_prevalence:due"'
		);
		const ytd = bucketAggregatesSql(matchedShape(catalog, 'prepreg_check_completion'));
		expect(ytd[0]).toBe(
			'CAST(sum("prepreg_check_completion.num") FILTER (WHERE in_ytd) AS DOUBLE) AS "prepreg_check_completion:num"'
		);
		const mean = bucketAggregatesSql(matchedShape(catalog, 'birth_rate'))[1];
		expect(mean).toBe(
			'CAST(sum("birth_rate.den") FILTER (WHERE in_period) / count(*) FILTER (WHERE in_period) AS DOUBLE) AS "birth_rate:den"'
		);
	});

	it('planIndicators collects the matched shapes, tasks and reach', () => {
		const plan = planIndicators(catalog, ['natural_growth_rate', 'four_ops_completion']);
		expect(plan.matched.map((m) => m.id)).toEqual(['natural_growth_rate', 'four_ops_completion']);
		expect(plan.taskMeasures).toEqual(['four_ops']);
		expect([plan.previousMonth, plan.yearToDate]).toEqual([true, true]);
	});

	it.each([
		['birth_rate', true, '"birth_rate:num" / NULLIF("birth_rate:den", 0) * 1000 * 12 / months'],
		['birth_rate', false, '"birth_rate:num" / NULLIF("birth_rate:den", 0) * 1000'],
		['out_policy_multi_births', true, '"out_policy_multi_births:num"'],
		[
			'four_ops_completion',
			false,
			'"four_ops_completion:num" / NULLIF(CAST("task:four_ops" AS DOUBLE), 0) * 100'
		]
	] as const)('indicatorExpr %s annualise=%s', (id, annualise, value) => {
		expect(indicatorExpr(catalog, id, annualise).value).toBe(value);
	});
});

describe('unit selection and base CTEs', () => {
	it.each<[UnitSelection, string[]]>([
		[{ level: 'township', codes: ["a'b", 'c'] }, ["code IN ('a''b', 'c')"]],
		[{ level: 'township', codes: [] }, ['FALSE']],
		[{ level: 'village', parent: T1 }, [`"township_code" = '${T1}'`]],
		[
			{ level: 'township', parent: COUNTY },
			[`code IN (SELECT code FROM "units" WHERE parent_code = '${COUNTY}')`]
		],
		[
			{ level: 'village', grandparent: COUNTY },
			[
				`code IN (SELECT code FROM "units" WHERE parent_code IN (SELECT code FROM "units" WHERE parent_code = '${COUNTY}'))`
			]
		],
		[{ level: 'county' }, []]
	])('unitFilterSql %j', (selection, conditions) => {
		expect(unitFilterSql(selection)).toEqual(conditions);
	});

	it('unitMonthsCte reads only the needed columns and months', async () => {
		const plan = planIndicators(catalog, ['birth_rate']);
		const buckets = bucketRows([q1], { previousMonth: true, yearToDate: false });
		const cte = unitMonthsCte(catalog, { level: 'township', codes: [T1] }, plan, buckets);
		expect(cte).toBe(
			[
				'unit_months AS (',
				'\tSELECT',
				'\t\tcode,',
				'\t\tCAST(year("period") * 12 + month("period") - 1 AS INTEGER) AS m,',
				'\t\t"reports_due",',
				'\t\t"reports_received",',
				'\t\t"birth_rate.num",',
				'\t\t"birth_rate.den",',
				'\t\t"birth_rate.used",',
				'\t\t"birth_rate.carried",',
				'\t\t"birth_rate.start_est"',
				'\tFROM "township_month"',
				`\tWHERE "period" BETWEEN DATE '2023-12-01' AND DATE '2024-03-01'`,
				`\t\tAND code IN ('${T1}')`,
				')'
			].join('\n')
		);
		const rows = rowsOf(
			await db.query(
				`WITH ${cte} SELECT m, reports_received AS got, "birth_rate.num" AS births, "birth_rate.den" AS exposure, "birth_rate.used" AS used FROM unit_months ORDER BY m`
			)
		);
		// T1 = V1 + V2 as the builder summed them: births 5; exposure V1 (p(t−1) + p(t)) / 2 with
		// p = 1000 + 10t plus V2's 2000; in February V2 did not report and is not used
		expect(rows).toEqual([
			{ m: 24287, got: 2, births: 5, exposure: 1075 + 2000, used: 2 },
			{ m: 24288, got: 2, births: 5, exposure: 1085 + 2000, used: 2 },
			{ m: 24289, got: 1, births: 2, exposure: 1095, used: 1 },
			{ m: 24290, got: 2, births: 5, exposure: 1105 + 2000, used: 2 }
		]);
	});

	it('village months compute the same columns from the raw rows as the build summed', async () => {
		const plan = planIndicators(catalog, ['birth_rate', 'contraceptive_prevalence']);
		const buckets = bucketRows([q1], { previousMonth: true, yearToDate: false });
		const cols = [
			'"birth_rate.num"',
			'"birth_rate.den"',
			'"birth_rate.used"',
			'"contraceptive_prevalence.num"'
		];
		const sum = cols.map((c) => `sum(${c}) AS ${c}`).join(', ');
		const villages = unitMonthsCte(catalog, { level: 'village', parent: T1 }, plan, buckets);
		const township = unitMonthsCte(catalog, { level: 'township', codes: [T1] }, plan, buckets);
		const fromVillages = rowsOf(
			await db.query(`WITH ${villages} SELECT m, ${sum} FROM unit_months GROUP BY m ORDER BY m`)
		);
		const published = rowsOf(
			await db.query(`WITH ${township} SELECT m, ${sum} FROM unit_months GROUP BY m ORDER BY m`)
		);
		expect(fromVillages.slice(1)).toEqual(published.slice(1)); // the first scanned month has no lag
		expect(villages).toContain('WINDOW w AS (PARTITION BY code ORDER BY "period")');
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
			'annualised Bool',
			'due Int32',
			'reported Int32',
			'used Int32',
			'carried Int32',
			'start_estimated Int32'
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
