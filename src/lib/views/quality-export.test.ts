import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/io/xlsx-read';
import type { Completeness } from '../stats';
import { completenessExport, outlierExport, unreportedExport } from './quality-export';
import { tableCsv } from './table-export';
import { tableXlsx } from './table-xlsx';

const stats = (due: number, onTime: number, late: number, judged = due): Completeness => ({
	due,
	received: onTime + late,
	onTime,
	late,
	missing: due - onTime - late,
	carried: 0,
	pending: 0,
	undated: 0,
	judged,
	receivedRate: due ? (onTime + late) / due : null,
	onTimeRate: judged ? onTime / judged : null
});

describe('completenessExport', () => {
	const x = { view: '数据质量', title: '数据质量：某县，2024年', nameHeader: '乡镇' };

	it('writes the counts and both rates in %, a code column only for units', () => {
		const units = completenessExport(
			[{ code: '101', name: '=东乡', stats: stats(120, 110, 8) }],
			x,
			'zh'
		);
		expect(units.columns.map((c) => c.header)).toEqual([
			'代码',
			'乡镇',
			'应报',
			'已报',
			'按时',
			'迟报',
			'缺报',
			'报送率',
			'及时率'
		]);
		expect(units.rows[0].slice(2, 7)).toEqual([120, 118, 110, 8, 2]);
		expect(units.rows[0][7]).toBeCloseTo((100 * 118) / 120, 10);
		const months = completenessExport(
			[{ code: null, name: '2024年1月', stats: stats(0, 0, 0) }],
			x,
			'zh'
		);
		expect(months.columns[0].header).toBe('乡镇');
		expect(months.rows[0].slice(-2)).toEqual([null, null]);
	});

	it('reads back from the workbook with the title first, and the CSV guards a formula-like name', () => {
		const table = completenessExport(
			[{ code: '101', name: '=东乡', stats: stats(120, 110, 8) }],
			x,
			'zh'
		);
		const rows = readXlsx(tableXlsx(table, 'zh')).rows.map((r) => r.cells);
		expect(rows[0][0]).toBe(x.title);
		expect(rows[2].slice(0, 4)).toEqual(['101', '=东乡', '120', '118']);
		expect(Number(rows[2][7])).toBeCloseTo(98.33, 2);
		expect(tableCsv(table, 'zh')).toContain("'=东乡");
	});
});

describe('outlierExport and unreportedExport', () => {
	const x = { view: '异常值', title: '数据质量：某县，2024年' };

	it('writes every outlier with its sign, counts, z and range, and the MAD note', async () => {
		const { defaultConfig } = await import('../../cli/config-files');
		const { catalog } = defaultConfig();
		const row = {
			indicator: 'death_rate',
			code: '101001',
			name: '东村',
			period_key: '2024-05',
			period_from: 0,
			period_to: 0,
			value: 23.83,
			numerator: 5,
			denominator: 210,
			z: 12.1,
			median: 6,
			range: [0, 12] as [number, number],
			meanAd: true
		};
		const table = outlierExport([row, { ...row, code: '101002', meanAd: false }], catalog, x, 'zh');
		expect(table.rows).toHaveLength(2);
		expect(table.rows[0]).toEqual([
			'死亡率',
			'101001',
			'东村',
			'2024年5月',
			23.83,
			'‰',
			5,
			210,
			12.1,
			0,
			12,
			'MAD 为 0，按平均绝对偏差'
		]);
		expect(table.rows[1][11]).toBe('');
	});

	it('writes the finds, the townships with finds when the county is shown, and the total', () => {
		const base = { township_code: '101', township_name: '东乡', name: null, code: null };
		const rows = [
			{
				...base,
				grain: 'village_month' as const,
				code: '101001',
				name: '东村',
				month: 24 * 12 + 2,
				found: 2,
				reported: 18
			},
			{ ...base, grain: 'township' as const, month: null, found: 2, reported: 300 },
			{
				...base,
				grain: 'township' as const,
				township_code: '102',
				township_name: '西乡',
				month: null,
				found: 0,
				reported: 200
			},
			{
				...base,
				grain: 'total' as const,
				township_code: null,
				township_name: null,
				month: null,
				found: 2,
				reported: 500
			}
		];
		const county = unreportedExport(rows, { ...x, subtotals: true }, 'zh');
		expect(county.rows.map((r) => r[1])).toEqual(['东村', '东乡', '合计']);
		expect(county.rows[0][5]).toBeCloseTo(10, 10);
		expect(county.rows[2].slice(3, 5)).toEqual([2, 500]);
		const township = unreportedExport(rows, { ...x, subtotals: false }, 'zh');
		expect(township.rows.map((r) => r[1])).toEqual(['东村', '合计']);
	});
});
