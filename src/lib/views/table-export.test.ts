import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/io/xlsx-read';
import { defaultConfig } from '../../cli/config-files';
import type { Manifest } from '../extract/schema';
import { exportFileName, pageTitle, tableCsv, textColumn, type ExportTable } from './table-export';
import { tableXlsx } from './table-xlsx';

const config = defaultConfig();
const manifest = {
	counties: [{ code: '990101', name: '示范县' }],
	periods: { from: '2023-01', to: '2024-12', latest: '2024-12' },
	built_at: '2025-01-10T08:00:00Z'
} as Manifest;

// a unit name from a county file that a spreadsheet would run as a formula
const HOSTILE = '=HYPERLINK("http://x","点我")';

const table = (title: string): ExportTable => ({
	view: '排名',
	title,
	columns: [
		textColumn('单位'),
		{ header: '政策符合率', style: { kind: 'percent', decimals: 2 } },
		{ header: '出生率', style: { kind: 'permille', decimals: 2 } },
		{ header: '出生人数', style: { kind: 'quantity' } },
		{ header: '社会抚养费', style: { kind: 'yuan' } },
		{ header: '得分', style: { kind: 'ratio', decimals: 2 } }
	],
	rows: [
		['城关镇', 92.401234, 11.5, 164, 12_001.5, 87.5],
		[HOSTILE, null, 9.87654, 3, 0, -1.25],
		['河西乡', 100, null, 0, null, null]
	]
});

describe('table export', () => {
	const title = pageTitle(config, manifest, ['排名', '示范县 乡镇'], '2024年', 2024, 'zh');

	it('names the view, period, data set and scheme in the title row', () => {
		expect(title).toBe(
			`排名：示范县 乡镇，2024年；数据集 2023-01—2024-12（2025-01-10）；考核方案：${config.schemes.get(2024)!.name}`
		);
		expect(pageTitle(config, manifest, ['Rankings'], '2024', 2024, 'en')).toBe(
			`Rankings, 2024; data set 2023-01—2024-12 (2025-01-10); scheme: ${config.schemes.get(2024)!.name_en}`
		);
	});

	it('CSV: BOM, CRLF, numbers as numbers, money in 元, formula injection defused', () => {
		const csv = tableCsv(table(title), 'zh');
		expect(csv.startsWith('\uFEFF单位,政策符合率,出生率,出生人数,社会抚养费（元）,得分\r\n')).toBe(
			true
		);
		const lines = csv.slice(1).split('\r\n');
		// rates rounded two places beyond the screen's; counts and money as they are
		expect(lines[1]).toBe('城关镇,92.4012,11.5,164,12001.5,87.5');
		// the hostile name starts with an apostrophe (text, not a formula) and is quoted
		expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""点我"")",,9.8765,3,0,-1.25`);
		expect(lines[3]).toBe('河西乡,100,,0,,');
		expect(lines[4]).toBe('');
	});

	it('XLSX: title row, frozen header, number formats, widths; read back cell by cell', () => {
		const t = table(title);
		const bytes = tableXlsx(t, 'zh');
		const back = readXlsx(bytes);
		expect(back.rows[0]).toEqual({ line: 1, cells: [title] });
		expect(back.rows[1]).toEqual({
			line: 3,
			cells: ['单位', '政策符合率', '出生率', '出生人数', '社会抚养费（万元）', '得分']
		});
		const body = back.rows.slice(2);
		expect(body.map((r) => r.line)).toEqual([4, 5, 6]);
		const want = [
			['城关镇', 92.4012, 11.5, 164, 1.20015, 87.5],
			[HOSTILE, null, 9.8765, 3, 0, -1.25],
			['河西乡', 100, null, 0, null, null]
		];
		body.forEach((r, i) =>
			want[i].forEach((w, j) => {
				const got = r.cells[j] ?? null;
				if (typeof w === 'number') expect(Number(got)).toBeCloseTo(w, 10);
				else expect(got).toBe(w);
			})
		);
		const parts = unzipSync(bytes);
		const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
		const styles = strFromU8(parts['xl/styles.xml']);
		const workbook = strFromU8(parts['xl/workbook.xml']);
		expect(sheet).toContain(
			'<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>'
		);
		// the name column as wide as its widest cell, a number column at least 8 + 2
		expect(sheet).toMatch(/<col min="1" max="1" width="(\d+)" customWidth="1"\/>/);
		const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) =>
			Number(m[2])
		);
		expect(widths).toHaveLength(6);
		expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
		expect(widths[0]).toBe(Math.min(40, HOSTILE.length + 2) + 2);
		for (const f of [
			'0.00&quot;%&quot;',
			'0.00&quot;‰&quot;',
			'#,##0',
			'#,##0.00&quot;万元&quot;',
			'0.00'
		])
			expect(styles).toContain(`formatCode="${f}"`);
		expect(workbook).toContain('<sheet name="排名"');
		// the hostile name is text in the workbook, never a formula
		expect(sheet).not.toContain('<f>');
	});

	it('names files in Chinese, without characters a file system refuses', () => {
		expect(exportFileName(['排名', '2024年'], 'xlsx')).toBe('排名_2024年.xlsx');
		expect(exportFileName(['三牌', 'a/b\\c:d*e?"f<g>h|i\u0000j', ''], 'csv')).toBe(
			'三牌_a b c d e f g h i j.csv'
		);
		expect(exportFileName(['..', '  '], 'png')).toBe('kaoping.png');
		expect(exportFileName(['x'.repeat(300)], 'csv')).toHaveLength(104);
	});
});
