import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, XlsxError } from './xlsx-read';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const zip = (parts: Record<string, string>) =>
	zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));

const rels = (list: [id: string, type: string, target: string][]) =>
	HEAD +
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
	list
		.map(
			([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`
		)
		.join('') +
	'</Relationships>';

const ROOT_RELS = rels([['rId1', 'officeDocument', 'xl/workbook.xml']]);

interface Book {
	/** Inner XML of <sheetData>. */
	rows: string;
	sst?: string[];
	styles?: string;
	workbookPr?: string;
}

/** A one-sheet workbook laid out the way Excel writes it. */
function book({ rows, sst, styles, workbookPr = '' }: Book): Uint8Array {
	const parts: Record<string, string> = {
		'_rels/.rels': ROOT_RELS,
		'xl/workbook.xml': `${HEAD}<workbook ${NS} ${NS_R}>${workbookPr}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': rels([
			['rId1', 'worksheet', 'worksheets/sheet1.xml'],
			['rId2', 'styles', 'styles.xml'],
			['rId3', 'sharedStrings', 'sharedStrings.xml']
		]),
		'xl/worksheets/sheet1.xml': `${HEAD}<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`
	};
	if (sst)
		parts['xl/sharedStrings.xml'] =
			`${HEAD}<sst ${NS}>${sst.map((s) => `<si>${s}</si>`).join('')}</sst>`;
	if (styles) parts['xl/styles.xml'] = `${HEAD}<styleSheet ${NS}>${styles}</styleSheet>`;
	return zip(parts);
}

/** Cells of the single row in a one-row sheet. */
const cellsOf = (b: Book) => readXlsx(book(b)).rows[0]?.cells;

describe('readXlsx cell types', () => {
	it.each<[string, Book, (string | null)[]]>([
		[
			'shared strings, including rich-text runs without phonetic runs',
			{
				rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
				sst: [
					'<t>单位代码</t>',
					'<r><rPr><b/></rPr><t>出生</t></r><r><t xml:space="preserve"> 人数（男） </t></r><rPh sb="0" eb="2"><t>しゅっせい</t></rPh>'
				]
			},
			['单位代码', '出生 人数（男） ']
		],
		[
			'inline strings, plain and rich',
			{
				rows:
					'<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c>' +
					'<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>'
			},
			['内联', 'ab']
		],
		[
			'formula results: string, number, boolean and error use the cached value',
			{
				rows:
					'<row r="1"><c r="A1" t="str"><f>B1&amp;"x"</f><v>合计x</v></c>' +
					'<c r="B1"><f>SUM(C1:D1)</f><v>42</v></c><c r="C1" t="b"><f>1=1</f><v>1</v></c>' +
					'<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>NOW()</f></c></row>'
			},
			['合计x', '42', 'TRUE', '#DIV/0!']
		],
		[
			'booleans and errors',
			{
				rows:
					'<row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1" t="b"><v>1</v></c>' +
					'<c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><v>#VALUE!</v></c></row>'
			},
			['FALSE', 'TRUE', '#N/A', '#VALUE!']
		],
		[
			'numbers as typed, with binary float noise removed',
			{
				rows:
					'<row r="1"><c r="A1"><v>12</v></c><c r="B1" t="n"><v>12.0</v></c>' +
					'<c r="C1"><v>0.30000000000000004</v></c><c r="D1"><v>-1.1000000000000001</v></c>' +
					'<c r="E1"><v>360102001000</v></c><c r="F1"><v>1.1E-7</v></c>' +
					'<c r="G1"><v>2.5E+3</v></c><c r="H1"><v>0</v></c><c r="I1"><v>14.499999999999998</v></c></row>'
			},
			['12', '12', '0.3', '-1.1', '360102001000', '0.00000011', '2500', '0', '14.5']
		],
		[
			'XML entities and Excel _xHHHH_ escapes',
			{
				rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x_x000D_y</t></is></c></row>',
				sst: [
					'<t>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; r_x000D_n _x005F_x0001_ &bogus;</t>'
				]
			},
			['a&b <c> "d" \'e\' 中文 r\rn _x0001_ &bogus;', 'x\ry']
		],
		[
			'ISO date cells (t="d") drop the time',
			{ rows: '<row r="1"><c r="A1" t="d"><v>2024-03-15T08:30:00</v></c></row>' },
			['2024-03-15']
		],
		[
			'SpreadsheetML with a namespace prefix',
			{ rows: '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>' },
			[null, '前缀']
		]
	])('%s', (_label, input, cells) => {
		expect(cellsOf(input)).toEqual(cells);
	});
});

describe('readXlsx row and cell positions', () => {
	it('keeps real line numbers across skipped rows and places sparse cells by reference', () => {
		const rows =
			'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>3</v></c><c r="F1" s="0"/></row>' +
			'<row r="4" spans="1:3"><c r="AB4"><v>7</v></c></row>' +
			'<row r="5"><c r="A5" s="1"/><c r="B5" s="1"/></row>' +
			'<row r="6"/>' +
			'<row><c><v>1</v></c><c><v>2</v></c><c r="E7"><v>5</v></c><c><v>6</v></c></row>';
		const table = readXlsx(book({ rows }));
		expect(table.sheet).toBe('数据');
		expect(table.rows.map((r) => r.line)).toEqual([1, 4, 7]);
		expect(table.rows[0].cells).toEqual(['a', null, '3']);
		expect(table.rows[1].cells).toHaveLength(28);
		expect(table.rows[1].cells[27]).toBe('7');
		expect(table.rows[1].cells.slice(0, 27).every((c) => c === null)).toBe(true);
		expect(table.rows[2].cells).toEqual(['1', '2', null, null, '5', '6']);
	});

	it('treats an empty <v/> as no value, whatever the cell type', () => {
		const rows =
			'<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="b"><v></v></c><c r="C1"><v> </v></c>' +
			'<c r="D1" t="s"><v>0</v></c></row>';
		expect(readXlsx(book({ rows, sst: ['<t>x</t>'] })).rows[0].cells).toEqual([
			null,
			null,
			null,
			'x'
		]);
	});

	// Lazy "up to the closing tag" patterns rescan to the end for every unclosed tag (quadratic);
	// a few hundred thousand of them would hang a build for minutes.
	// Unclosed rows and cells are refused as damaged (a value could land in the wrong row), fast.
	it.each([
		['unclosed rows', '<row r="1"><c r="A1"><v>1</v></c></row>' + '<row>'.repeat(200_000), true],
		['unclosed cells', '<row r="1">' + '<c r="A1"><v>1'.repeat(200_000) + '</row>', true],
		[
			'tags that never end',
			'<row r="1"><c r="A1"><v>1</v></c></row>' + '<c<v<t'.repeat(200_000),
			false
		]
	])(
		'stays linear on %s',
		(_label, rows, refused) => {
			if (refused) expect(() => readXlsx(book({ rows }))).toThrow(XlsxError);
			else expect(readXlsx(book({ rows })).sheet).toBe('数据');
		},
		5_000
	);

	it('keeps empty strings as values (they are not missing cells)', () => {
		const rows =
			'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="str"><f>""</f><v></v></c></row>';
		expect(readXlsx(book({ rows, sst: ['<t/>'] })).rows).toEqual([{ line: 2, cells: ['', ''] }]);
	});
});

// cellStyleXfs deliberately disagree with cellXfs: only cellXfs indexes matter for cells.
const DATE_STYLES =
	'<numFmts count="5"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>' +
	'<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="166" formatCode="h:mm"/>' +
	'<numFmt numFmtId="167" formatCode="yyyy-mm"/><numFmt numFmtId="168" formatCode="[Red]#,##0.00&quot;d&quot;"/>' +
	'<numFmt numFmtId="169" formatCode="[$-804]yyyy年m月d日"/></numFmts>' +
	'<cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>' +
	'<cellXfs count="9"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="164" xfId="0"><alignment horizontal="center"/></xf><xf numFmtId="165"/>' +
	'<xf numFmtId="166"/><xf numFmtId="20"/><xf numFmtId="167"/><xf numFmtId="168"/>' +
	'<xf numFmtId="169"/><xf numFmtId="57"/></cellXfs>';

const dateCell = (style: number, serial: string) =>
	cellsOf({
		rows: `<row r="1"><c r="A1" s="${style}"><v>${serial}</v></c></row>`,
		styles: DATE_STYLES
	})?.[0];

const date1904Cell = (style: number, serial: string) =>
	cellsOf({
		rows: `<row r="1"><c r="A1" s="${style}"><v>${serial}</v></c></row>`,
		styles: DATE_STYLES,
		workbookPr: '<workbookPr date1904="1"/>'
	})?.[0];

describe('readXlsx dates', () => {
	it.each([
		['built-in id 14 gives the day', 1, '45366', '2024-03-15'],
		['the time of day is dropped', 1, '45366.75', '2024-03-15'],
		['a time a hair before midnight rounds to the next day', 1, '45366.99999999', '2024-03-16'],
		['custom yyyy"年"m"月" gives the month only', 2, '45366', '2024-03'],
		['custom yyyy-mm-dd with escaped dashes', 3, '45000', '2023-03-15'],
		['custom yyyy-mm gives the month only', 6, '45366', '2024-03'],
		['custom with unquoted 年月日 and a locale tag', 8, '45366', '2024-03-15'],
		['built-in zh-CN id 57 (yyyy"年"m"月")', 9, '45366', '2024-03'],
		['custom time-only h:mm stays a number', 4, '0.5', '0.5'],
		['built-in time-only id 20 stays a number', 5, '0.25', '0.25'],
		['a quoted "d" in a number format is not a date', 7, '1234.5', '1234.5'],
		['the General style stays a number', 0, '45366', '45366'],
		['serial 1 is 1900-01-01', 1, '1', '1900-01-01'],
		['serial 59 is 1900-02-28', 1, '59', '1900-02-28'],
		['serial 60 is the phantom 1900-02-29 Excel shows', 1, '60', '1900-02-29'],
		['serial 61 is 1900-03-01', 1, '61', '1900-03-01'],
		['the last serial Excel accepts', 1, '2958465', '9999-12-31'],
		['a negative serial stays a number', 1, '-1', '-1']
	])('%s', (_label, style, serial, want) => {
		expect(dateCell(style, serial)).toBe(want);
	});

	it.each([
		['serial 0 is 1904-01-01', 1, '0', '1904-01-01'],
		['no 1900 leap-year shift', 1, '60', '1904-03-01'],
		['a recent date', 1, '43904', '2024-03-15'],
		['month only', 2, '43904', '2024-03']
	])('date1904 workbook: %s', (_label, style, serial, want) => {
		expect(date1904Cell(style, serial)).toBe(want);
	});
});

describe('readXlsx finds the first worksheet through the workbook relationships', () => {
	const sheet = (text: string) =>
		`${HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
	const workbook =
		`${HEAD}<workbook ${NS} ${NS_R}><sheets><sheet name="图表" sheetId="3" r:id="rId9"/>` +
		'<sheet name="汇总&amp;明细" sheetId="2" r:id="rId7"/><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';

	it.each([
		['a relative target', 'worksheets/data.xml'],
		['an absolute target', '/xl/worksheets/data.xml'],
		['a target with ./ and ../ segments', './worksheets/../worksheets/data.xml']
	])('via %s', (_label, target) => {
		const bytes = zip({
			'_rels/.rels': ROOT_RELS,
			'xl/workbook.xml': workbook,
			'xl/_rels/workbook.xml.rels': rels([
				['rId1', 'worksheet', 'worksheets/sheet1.xml'],
				['rId7', 'worksheet', target],
				['rId9', 'chartsheet', 'chartsheets/sheet1.xml']
			]),
			'xl/worksheets/sheet1.xml': sheet('wrong sheet'),
			'xl/worksheets/data.xml': sheet('right sheet')
		});
		expect(readXlsx(bytes)).toEqual({
			sheet: '汇总&明细',
			rows: [{ line: 1, cells: ['right sheet'] }]
		});
	});
});

function randomBytes(n: number, seed: number): Uint8Array {
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) out[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
	return out;
}

/** Overwrites the uncompressed-size field of the named entry in the zip's central directory. */
function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
	const out = bytes.slice();
	const view = new DataView(out.buffer);
	for (let i = out.length - 46; i >= 0; i--) {
		if (view.getUint32(i, true) !== 0x02014b50) continue;
		const nameLen = view.getUint16(i + 28, true);
		if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLen)) !== name) continue;
		view.setUint32(i + 24, size, true);
		return out;
	}
	throw new Error(`no entry ${name}`);
}

const simple = () => book({ rows: '<row r="1"><c r="A1"><v>1</v></c></row>' });

describe('readXlsx rejects what it cannot read', () => {
	it.each<[string, () => Uint8Array, RegExp]>([
		['an empty file', () => new Uint8Array(0), /not a zip/],
		['random bytes', () => randomBytes(4096, 7), /not a zip/],
		[
			'random bytes after a zip signature',
			() => new Uint8Array([0x50, 0x4b, 3, 4, ...randomBytes(4096, 9)]),
			/zip/
		],
		[
			'a legacy .xls / encrypted workbook',
			() => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...randomBytes(600, 3)]),
			/OLE/
		],
		['a zip without a workbook', () => zip({ 'hello.txt': 'hi' }), /no workbook/],
		['an .xlsb workbook', () => zip({ 'xl/workbook.bin': 'x' }), /xlsb/],
		[
			'a workbook without sheets',
			() => zip({ 'xl/workbook.xml': `<workbook ${NS}><sheets/></workbook>` }),
			/no worksheet/
		],
		[
			'a worksheet part that is missing',
			() =>
				zip({
					'xl/workbook.xml': `<workbook ${NS} ${NS_R}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
					'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']])
				}),
			/missing/
		],
		[
			'a shared string index out of range',
			() => book({ rows: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>', sst: ['<t>a</t>'] }),
			/out of range/
		],
		[
			'a cell reference past column XFD',
			() => book({ rows: '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>' }),
			/invalid cell reference/
		],
		[
			'an entry declaring more than 200 MB (zip bomb guard)',
			() => patchDeclaredSize(simple(), 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024),
			/over the limit/
		],
		[
			'a sheet whose declared size truncates it',
			() => patchDeclaredSize(simple(), 'xl/worksheets/sheet1.xml', 120),
			/truncated|checksum mismatch/
		]
	])('%s', (_label, make, message) => {
		const bytes = make();
		expect(() => readXlsx(bytes)).toThrow(XlsxError);
		expect(() => readXlsx(bytes)).toThrow(message);
	});
});

describe('readXlsx on damaged files', () => {
	// Stored (level 0) entries put the XML bytes straight into the archive, so the damage lands in
	// the markup itself rather than only tripping the inflater.
	const intact = zipSync(
		{
			'_rels/.rels': strToU8(ROOT_RELS),
			'xl/workbook.xml': strToU8(
				`${HEAD}<workbook ${NS} ${NS_R}><workbookPr date1904="0"/><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`
			),
			'xl/_rels/workbook.xml.rels': strToU8(
				rels([
					['rId1', 'worksheet', 'worksheets/sheet1.xml'],
					['rId2', 'sharedStrings', 'sharedStrings.xml'],
					['rId3', 'styles', 'styles.xml']
				])
			),
			'xl/sharedStrings.xml': strToU8(
				`<sst ${NS}><si><t>单位&amp;代码</t></si><si><r><t>a</t></r></si></sst>`
			),
			'xl/styles.xml': strToU8(`<styleSheet ${NS}>${DATE_STYLES}</styleSheet>`),
			'xl/worksheets/sheet1.xml': strToU8(
				`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>45366</v></c>` +
					'<c r="C1" t="inlineStr"><is><t>x_x000D_</t></is></c></row><row r="3"><c r="AB3" t="b"><v>1</v></c></row></sheetData></worksheet>'
			)
		},
		{ level: 0 }
	);

	it('reads the undamaged file', () => {
		expect(readXlsx(intact).rows).toHaveLength(2);
	});

	it('refuses a stored part whose bytes no longer match its checksum (one digit changed)', () => {
		const text = new TextDecoder('latin1').decode(intact);
		const at = text.indexOf('<v>') + 3;
		expect(text[at]).toMatch(/\d/);
		const bytes = intact.slice();
		bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at] + 1;
		expect(() => readXlsx(bytes)).toThrow(/checksum mismatch/);
	});

	it('either reads or throws XlsxError for 2,000 single-byte corruptions', () => {
		const noise = randomBytes(6000, 11);
		for (let i = 0; i < 2000; i++) {
			const bytes = intact.slice();
			const at = (noise[3 * i] * 256 + noise[3 * i + 1]) % bytes.length;
			bytes[at] = noise[3 * i + 2];
			try {
				readXlsx(bytes);
			} catch (e) {
				expect(e, `byte ${at} set to ${noise[3 * i + 2]}`).toBeInstanceOf(XlsxError);
			}
		}
	});
});
