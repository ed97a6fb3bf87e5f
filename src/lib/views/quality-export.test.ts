import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/io/xlsx-read';
import type { Completeness } from '../stats';
import { completenessExport } from './quality-export';
import { tableCsv, tableXlsx } from './table-export';

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
