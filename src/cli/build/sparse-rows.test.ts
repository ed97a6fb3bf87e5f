import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy } from '../../../tests/unit/extract-dump';
import { rawRow, rawXlsx } from '../../../tests/unit/xlsx-raw';
import { recordingEffects } from '../effects';
import { build } from './run';
import { readTable } from './table';

const HEADER = ['单位代码', '月份', '报送日期', '总人口', '出生人数'];

/** Like the issue's file: a valid header, then rows whose one cell sits in column XFD. */
function farRightWorkbook(rows: number): Uint8Array {
	let xml = rawRow(1, HEADER);
	for (let r = 2; r <= rows + 1; r++) xml += `<row r="${r}"><c r="XFD${r}"><v>${r % 10}</v></c></row>`;
	return rawXlsx(xml);
}

describe('sparse XLSX rows stay sparse (item 9)', () => {
	it('reads a ~140 KB workbook of 30,000 rows with a cell in column XFD in little time and memory', () => {
		const bytes = farRightWorkbook(30_000);
		expect(bytes.length).toBeGreaterThan(100_000);
		expect(bytes.length).toBeLessThan(200_000);
		global.gc?.();
		const heap = process.memoryUsage().heapUsed;
		const started = performance.now();
		const table = readTable(bytes, 'xlsx');
		const seconds = (performance.now() - started) / 1000;
		const grown = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
		expect(table.rows).toHaveLength(30_001);
		// Expanded, each row would hold 16,384 cells: 30,000 × 16,384 × 8 bytes ≈ 3.9 GB.
		expect(Math.max(...table.rows.map((r) => r.cells.length))).toBe(HEADER.length);
		expect(table.rows[1].faults?.[0]).toMatchObject({ rule: 'row_width', detail: 'XFD2 "2" > E' });
		expect(seconds).toBeLessThan(5);
		expect(grown).toBeLessThan(300);
	});

	it('one such file fails that file with findings on its rows; the build goes on and reports it', async () => {
		const s = fixtureCopy('tests/fixtures/tiny/input');
		try {
			writeFileSync(join(s.dir, 'input', 'reports', 'bad.xlsx'), farRightWorkbook(2_000));
			const { fx } = recordingEffects();
			const r = await build({ input: join(s.dir, 'input'), out: join(s.dir, 'out'), allowRejects: true, maxErrors: 5, lang: 'en' }, fx);
			expect(r.published).toBe(true);
			expect(r.rejectedRows).toBe(2_000);
			expect(r.inputs.find((i) => i.path === 'reports/jia-yicun.csv')?.rows).toBe(3);
			expect(r.issues.filter((i) => i.file === 'reports/bad.xlsx' && i.rule === 'row_width')).toHaveLength(2_000);
		} finally {
			s.cleanup();
		}
	}, 60_000);
});
