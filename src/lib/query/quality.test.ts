import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Connector } from '../connector/types';
import { monthIndex } from '../periods';
import { COUNTY, loadCatalog, openFixture, T1, T2, V1, V2, V3 } from './fixture';
import {
	reportCellsSql,
	unreportedSql,
	type QualityScope,
	type ReportCellRow,
	type UnreportedRow
} from './quality';

/**
 * The quality page's SQL on the fixture county (fixture.ts) built by the real builder: V2 did
 * not report 2024-02 (stocks carried), V3's reports of 2024-01 and 2024-02 arrived on the 5th,
 * and V3's clean-up found 1 unreported birth in 2024-01.
 */
const catalog = loadCatalog();
let db: Connector;
beforeAll(async () => void (db = await openFixture(catalog)));
afterAll(async () => await db?.close());

const H1: QualityScope = { from: monthIndex(2024, 1), to: monthIndex(2024, 6), county: COUNTY };

describe('reportCellsSql', () => {
	it('reads village_month with names, in the scope and period only', () => {
		const sql = reportCellsSql({ ...H1, township: T1 });
		expect(sql).toContain(`v.period BETWEEN DATE '2024-01-01' AND DATE '2024-06-01'`);
		expect(sql).toContain(`t.parent_code = '${COUNTY}'`);
		expect(sql).toContain(`v.township_code = '${T1}'`);
		expect(reportCellsSql(H1)).not.toContain('v.township_code =');
	});

	it('gives every village-month of the county with its status columns', async () => {
		const rows = rowsOf<ReportCellRow>(await db.query(reportCellsSql(H1)));
		expect(rows).toHaveLength(18);
		expect(rows.map((r) => r.code).filter((c, i, a) => a.indexOf(c) === i)).toEqual([V1, V2, V3]);
		const cell = (code: string, month: number) =>
			rows.find((r) => r.code === code && r.month === monthIndex(2024, month))!;
		expect(cell(V1, 3)).toMatchObject({
			township_code: T1,
			township_name: '城关镇',
			submitted_on: '2024-04-02',
			received: 1,
			on_time: 1,
			judged: 1,
			carried: 0
		});
		expect(cell(V2, 2)).toMatchObject({
			submitted_on: null,
			received: 0,
			on_time: 0,
			judged: 1,
			carried: 1
		});
		expect(cell(V3, 1)).toMatchObject({
			township_code: T2,
			name: '<img src=x onerror=alert(1)>',
			submitted_on: '2024-02-05',
			received: 1,
			on_time: 0,
			judged: 1
		});
		// all others on time
		const onTime = rows.filter((r) => r.on_time === 1).length;
		expect(onTime).toBe(18 - 3);
	});

	it('narrows to one township', async () => {
		const rows = rowsOf<ReportCellRow>(await db.query(reportCellsSql({ ...H1, township: T2 })));
		expect(rows.map((r) => r.code)).toEqual(Array(6).fill(V3));
	});
});

describe('unreportedSql', () => {
	it('sums found and reported births per village-month with finds, per township and in all', async () => {
		const rows = rowsOf<UnreportedRow>(await db.query(unreportedSql(H1)));
		expect(
			rows.map(({ grain, code, township_code, month, found, reported }) => ({
				grain,
				code,
				township_code,
				month,
				found,
				reported
			}))
		).toEqual([
			{
				grain: 'village_month',
				code: V3,
				township_code: T2,
				month: monthIndex(2024, 1),
				found: 1,
				reported: 1
			},
			// V1: 2 × 6; V2: 3 × 5 (2024-02 not reported)
			{ grain: 'township', code: null, township_code: T1, month: null, found: 0, reported: 27 },
			{ grain: 'township', code: null, township_code: T2, month: null, found: 1, reported: 6 },
			{ grain: 'total', code: null, township_code: null, month: null, found: 1, reported: 33 }
		]);
	});

	it('finds nothing outside the months of the find', async () => {
		const rows = rowsOf<UnreportedRow>(
			await db.query(unreportedSql({ ...H1, from: monthIndex(2024, 2), township: T2 }))
		);
		expect(rows.filter((r) => r.grain === 'village_month')).toEqual([]);
		expect(rows.find((r) => r.grain === 'total')).toMatchObject({ found: 0, reported: 5 });
	});
});
