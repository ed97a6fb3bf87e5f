import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './xlsx-read';
import { writeXlsx, type XlsxCell, type XlsxSheet } from './xlsx-write';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What the reader should give back for written rows: text cells, trailing nulls trimmed. */
function expected(rows: XlsxCell[][]) {
	const out: { line: number; cells: (string | null)[] }[] = [];
	rows.forEach((row, i) => {
		const cells = row.map((c) => (c === null ? null : String(c)));
		while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
		if (cells.length > 0) out.push({ line: i + 1, cells });
	});
	return out;
}

const wide = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);

const roundTrips: { name: string; rows: XlsxCell[][] }[] = [
	{
		name: 'Chinese header and text',
		rows: [
			['单位代码', '出生人数（男）', '出生人数（女）', '报送日期'],
			['360102001', 12, 11, '2024-03-15']
		]
	},
	{
		name: 'XML special characters and quotes',
		rows: [['<img src=x onerror=alert(1)>', 'a & b', `"double" and 'single'`, ']]>', '&amp;']]
	},
	{
		name: 'numbers: integers, decimals, negatives, zero, large',
		rows: [[0, -3, 1.5, 0.25, 123456789012, 1e-7 * 10, -0.125]]
	},
	{
		name: 'nulls, sparse cells and empty rows',
		rows: [[null, 'b', null, 'd', null], [], [null, null], ['a'], [null, null, null, 7]]
	},
	{ name: 'more than 26 columns', rows: [wide, wide.map((_, i) => i)] },
	{
		name: 'whitespace, newlines, tabs and control characters',
		rows: [[' lead', 'trail ', 'two\nlines', 'tab\there', 'cr\r\nlf', 'bell\u0007', 'nul\u0000']]
	},
	{
		name: 'literal Excel escape sequences and emoji',
		rows: [['_x000D_', 'a_x005F_b', '_x41_', '👍 好']]
	},
	{
		name: 'empty string and repeated strings',
		rows: [
			['', 'x', 'x'],
			['x', '']
		]
	}
];

describe('writeXlsx round trip through readXlsx', () => {
	it.each(roundTrips)('$name', ({ rows }) => {
		const table = readXlsx(writeXlsx([{ name: '数据', rows }]));
		expect(table.sheet).toBe('数据');
		expect(table.rows).toEqual(expected(rows));
	});

	it('reads back the first of several sheets', () => {
		const bytes = writeXlsx([
			{ name: 'first', rows: [['one']] },
			{ name: 'second', rows: [['two']] }
		]);
		expect(readXlsx(bytes)).toEqual({ sheet: 'first', rows: [{ line: 1, cells: ['one'] }] });
	});

	it('lone surrogates become U+FFFD instead of breaking the XML', () => {
		const table = readXlsx(writeXlsx([{ name: 's', rows: [['a\ud800b']] }]));
		expect(table.rows[0].cells).toEqual(['a\ufffdb']);
	});
});

describe('writeXlsx package layout', () => {
	const parts = unzipSync(writeXlsx([{ name: 'S', rows: [wide, [1, 'x', null, 'x']] }]));

	it('writes the parts in a fixed order', () => {
		expect(Object.keys(parts)).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/sharedStrings.xml',
			'xl/worksheets/sheet1.xml'
		]);
	});

	it('uses A1-style references past column Z and numeric cells for numbers', () => {
		const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
		for (const ref of ['A1', 'Z1', 'AA1', 'AD1']) expect(sheet).toContain(`<c r="${ref}" t="s">`);
		expect(sheet).toContain('<c r="A2"><v>1</v></c>');
		expect(sheet).not.toContain('r="C2"');
		expect(sheet).toContain('<dimension ref="A1:AD2"/>');
	});

	it('stores each distinct string once', () => {
		const sst = strFromU8(parts['xl/sharedStrings.xml']);
		expect(sst).toContain('count="32" uniqueCount="31"');
	});
});

describe('writeXlsx determinism', () => {
	const sheets = (): XlsxSheet[] => [
		{
			name: '出生登记',
			rows: [
				['单位代码', '出生人数（男）'],
				['360102', 3],
				[null, 0.5]
			]
		},
		{ name: 'second', rows: [['x']] }
	];

	it('gives identical bytes for identical input', () => {
		expect(sha256(writeXlsx(sheets()))).toBe(sha256(writeXlsx(sheets())));
	});

	it.each([
		['a changed number', (s: XlsxSheet[]) => (s[0].rows[1][1] = 4)],
		['a changed string', (s: XlsxSheet[]) => (s[0].rows[0][0] = '单位名称')],
		['a renamed sheet', (s: XlsxSheet[]) => (s[1].name = 'third')],
		['a null turned into a value', (s: XlsxSheet[]) => (s[0].rows[2][0] = '')]
	])('gives different bytes for %s', (_label, change) => {
		const changed = sheets();
		change(changed);
		expect(sha256(writeXlsx(changed))).not.toBe(sha256(writeXlsx(sheets())));
	});
});

describe('writeXlsx rejects what Excel cannot open', () => {
	it.each<[string, XlsxSheet[]]>([
		['no sheets', []],
		['an empty sheet name', [{ name: '', rows: [] }]],
		['a sheet name over 31 characters', [{ name: 'x'.repeat(32), rows: [] }]],
		['a sheet name with a slash', [{ name: '2024/03', rows: [] }]],
		[
			'duplicate sheet names (case-insensitive)',
			[
				{ name: 'A', rows: [] },
				{ name: 'a', rows: [] }
			]
		],
		['a non-finite number', [{ name: 'S', rows: [[Number.NaN]] }]],
		['a string over 32767 characters', [{ name: 'S', rows: [['x'.repeat(32768)]] }]]
	])('%s', (_label, sheets) => {
		expect(() => writeXlsx(sheets)).toThrow(RangeError);
	});
});

function findOffice(): string | null {
	for (const dir of (process.env.PATH ?? '').split(delimiter))
		for (const bin of ['soffice', 'libreoffice'])
			if (dir && existsSync(join(dir, bin))) return join(dir, bin);
	return null;
}
const office = findOffice();

describe('LibreOffice compatibility', () => {
	it.skipIf(!office)('LibreOffice converts the written file to the same CSV', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kaoping-xlsx-'));
		try {
			const rows: XlsxCell[][] = [
				['单位代码', '出生人数（男）', 'a & <b>'],
				['360102', 12, null]
			];
			writeFileSync(join(dir, 'book.xlsx'), writeXlsx([{ name: 'S', rows }]));
			const run = spawnSync(
				office!,
				[
					'--headless',
					'--convert-to',
					'csv:Text - txt - csv (StarCalc):44,34,76',
					'--outdir',
					dir,
					join(dir, 'book.xlsx')
				],
				{ timeout: 60_000 }
			);
			expect(run.status).toBe(0);
			const csv = readFileSync(join(dir, 'book.csv'), 'utf8').trim().split(/\r?\n/);
			expect(csv).toEqual(['单位代码,出生人数（男）,a & <b>', '360102,12,']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
