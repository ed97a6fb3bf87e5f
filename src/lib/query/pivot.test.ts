import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Connector } from '../connector/types';
import { parsePeriod, type Period } from '../periods';
import { COUNTY, loadCatalog, openFixture, T1, T2, V1, V2, V3 } from './fixture';
import { indicatorValuesSql } from './indicators';
import { pivotSql, TOTAL, type PivotQuery, type PivotRow } from './pivot';

const catalog = loadCatalog();
let db: Connector;
beforeAll(async () => {
	db = await openFixture(catalog);
});
afterAll(() => db.close());

const periods = (...keys: string[]): Period[] => keys.map((k) => parsePeriod(k)!);
const run = async (q: Partial<PivotQuery>) =>
	rowsOf<PivotRow>(
		await db.query(
			pivotSql(catalog, {
				level: 'township',
				indicators: [],
				measures: [],
				periods: periods('2024Q1', '2024Q2'),
				...q
			})
		)
	);
const cell = (rows: PivotRow[], code: string, period: string, field: string) => {
	const found = rows.filter(
		(r) => r.code === code && r.period_key === period && r.indicator === field
	);
	expect(found).toHaveLength(1);
	return found[0];
};

describe('pivot SQL', () => {
	it('states its totals as sums of terms, stocks at the end and flows summed', () => {
		const sql = pivotSql(catalog, {
			level: 'township',
			indicators: ['policy_compliance_rate'],
			measures: ['pop_total', 'births_total'],
			periods: periods('2024Q1')
		});
		expect(sql).toContain(`'${TOTAL}' AS code`);
		expect(sql).toContain('sum("policy_compliance_rate:num") AS "policy_compliance_rate:num"');
		expect(sql).toContain('sum("policy_compliance_rate:den") AS "policy_compliance_rate:den"');
		expect(sql).not.toMatch(/avg\(/i);
		expect(sql).toContain(
			'CAST(arg_max_null("pop_total", m) FILTER (WHERE in_period) AS DOUBLE) AS "measure:pop_total:val"'
		);
		expect(sql).toContain(
			'CAST(sum("births_total") FILTER (WHERE in_period) AS DOUBLE) AS "measure:births_total:val"'
		);
		// the span of the periods is one more bucket
		expect(sql).toContain("('*', 2024, 24288, 24290, 24288, 24288)");
		expect(() =>
			pivotSql(catalog, { level: 'county', indicators: [], measures: [], periods: periods('2024') })
		).toThrow(/no fields/);
		expect(() =>
			pivotSql(catalog, {
				level: 'county',
				indicators: [],
				measures: ['nope'],
				periods: periods('2024')
			})
		).toThrow(/unknown measure/);
	});

	it('totals a rate as Σ numerators / Σ denominators, not as the mean of the rates', async () => {
		const rows = await run({ indicators: ['policy_compliance_rate'] });
		// 2024Q1: T1 = V1 6/6 + V2 6/6 (V2 skipped February) = 100%; T2 = V3 0/3 = 0%
		const t1 = cell(rows, T1, '2024Q1', 'policy_compliance_rate');
		const t2 = cell(rows, T2, '2024Q1', 'policy_compliance_rate');
		expect([t1.numerator, t1.denominator, t1.value]).toEqual([12, 12, 100]);
		expect([t2.numerator, t2.denominator, t2.value]).toEqual([0, 3, 0]);
		const total = cell(rows, TOTAL, '2024Q1', 'policy_compliance_rate');
		expect([total.numerator, total.denominator]).toEqual([12, 15]);
		expect(total.value).toBeCloseTo(80, 10);
		// an average of the two rates would say 50%
		expect(total.value).not.toBeCloseTo((t1.value! + t2.value!) / 2, 1);
		// and it is exactly the county's own value, computed from the published county table
		const [county] = rowsOf<PivotRow>(
			await db.query(
				indicatorValuesSql(catalog, {
					level: 'county',
					codes: [COUNTY],
					indicators: ['policy_compliance_rate'],
					period: parsePeriod('2024Q1')!
				})
			)
		);
		expect(total.value).toBeCloseTo(county.value!, 10);
		expect(total.used).toBe(county.used);
		expect(total.due).toBe(county.due);
	});

	it('totals the whole span as one bucket: the totals column', async () => {
		const rows = await run({ indicators: ['policy_compliance_rate', 'contraceptive_prevalence'] });
		// 2024H1: T1 = 12 + 15 (V2 reported every month of Q2) = 27 of 27; T2 = 0 of 6
		const span = cell(rows, T1, TOTAL, 'policy_compliance_rate');
		expect([span.numerator, span.denominator, span.months]).toEqual([27, 27, 6]);
		const corner = cell(rows, TOTAL, TOTAL, 'policy_compliance_rate');
		expect([corner.numerator, corner.denominator]).toEqual([27, 33]);
		// a rate of stocks over the span is read at its end (2024-06, t = 14), never summed
		const cp = cell(rows, TOTAL, TOTAL, 'contraceptive_prevalence');
		expect([cp.numerator, cp.denominator]).toEqual([194 + 360 + 328, 200 + 400 + 400]);
		expect(cp.value).toBeCloseTo(88.2, 10);
	});

	it('gives stocks at the period end and flows summed over the months', async () => {
		const rows = await run({ measures: ['pop_total', 'births_total'] });
		// pop_total at 2024-03 (t = 11): V1 1110 + V2 2000 (carried) = 3110; V3 3220
		expect(cell(rows, T1, '2024Q1', 'pop_total').value).toBe(3110);
		expect(cell(rows, T2, '2024Q1', 'pop_total').value).toBe(3220);
		expect(cell(rows, TOTAL, '2024Q1', 'pop_total').value).toBe(6330);
		// the span ends 2024-06 (t = 14): 1140 + 2000 + 3280, not a sum of the two quarters
		expect(cell(rows, TOTAL, TOTAL, 'pop_total').value).toBe(6420);
		// births: V1 2 × 3 + V2 3 × 2 (no February) = 12; V3 1 × 3
		expect(cell(rows, T1, '2024Q1', 'births_total').value).toBe(12);
		expect(cell(rows, TOTAL, '2024Q1', 'births_total').value).toBe(15);
		expect(cell(rows, TOTAL, TOTAL, 'births_total').value).toBe(15 + 18);
		expect(cell(rows, T1, '2024Q1', 'births_total')).toMatchObject({ due: 6, reported: 5 });
		expect(cell(rows, TOTAL, '2024Q1', 'pop_total')).toMatchObject({ kind: 'measure', due: 3 });
	});

	it('filters units: the totals are those of the selected units only', async () => {
		const only = await run({ codes: [T2], indicators: ['policy_compliance_rate'] });
		expect(new Set(only.map((r) => r.code))).toEqual(new Set([T2, TOTAL]));
		expect(cell(only, TOTAL, '2024Q1', 'policy_compliance_rate').value).toBe(0);
		// the villages of T1, totalled, are T1 as the build rolled it up
		const villages = await run({
			level: 'village',
			parent: T1,
			indicators: ['policy_compliance_rate', 'birth_rate'],
			measures: ['pop_total']
		});
		expect(new Set(villages.map((r) => r.code))).toEqual(new Set([V1, V2, TOTAL]));
		const townships = await run({
			codes: [T1],
			indicators: ['policy_compliance_rate', 'birth_rate'],
			measures: ['pop_total']
		});
		for (const field of ['policy_compliance_rate', 'birth_rate', 'pop_total'])
			for (const period of ['2024Q1', '2024Q2', TOTAL]) {
				const v = cell(villages, TOTAL, period, field);
				const t = cell(townships, T1, period, field);
				expect(v.numerator).toBeCloseTo(t.numerator!, 9);
				expect(v.denominator ?? 0).toBeCloseTo(t.denominator ?? 0, 9);
				expect(v.value).toBeCloseTo(t.value!, 10);
			}
		expect(villages.some((r) => r.code === V3)).toBe(false);
	});

	it('totals a task completion over the units’ tasks', async () => {
		const rows = await run({ indicators: ['prepreg_check_completion'], periods: periods('2024') });
		// T1 task 200, T2 157: the county has no row of its own and counts 357
		expect(cell(rows, TOTAL, '2024', 'prepreg_check_completion').denominator).toBe(357);
	});
});
