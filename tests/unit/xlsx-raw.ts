import { zipSync } from 'fflate';

/**
 * A workbook around hand-written worksheet XML, for tests of what real files contain and our
 * writer never produces: merged cells, formulas without cached values, cells far to the right.
 * Strings go inline (`t="inlineStr"`) so no shared-strings part is needed; `styles` may mark
 * date formats (cellXfs index 1 = yyyy-mm-dd).
 */
export function rawXlsx(sheetData: string, tail = ''): Uint8Array {
	const enc = (s: string) => new TextEncoder().encode(s);
	const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
	const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
	const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';
	return zipSync(
		{
			'[Content_Types].xml': enc(
				`${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${ct}styles+xml"/></Types>`
			),
			'_rels/.rels': enc(
				`${head}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
			),
			'xl/workbook.xml': enc(
				`${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="月报" sheetId="1" r:id="rId1"/></sheets></workbook>`
			),
			'xl/_rels/workbook.xml.rels': enc(
				`${head}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`
			),
			'xl/styles.xml': enc(
				`${head}<styleSheet xmlns="${main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
			),
			'xl/worksheets/sheet1.xml': enc(
				`${head}<worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`
			)
		},
		{ level: 6, mtime: new Date(2000, 0, 1) }
	);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One cell: text inline, numbers as numbers, `{ f }` a formula without a cached value. */
export type RawCell = string | number | null | { f: string } | { date: number };

/** Row XML from cells in column order starting at A (null leaves the cell out). */
export function rawRow(line: number, cells: RawCell[]): string {
	const xml = cells
		.map((c, i) => {
			if (c === null) return '';
			const ref = `${columnName(i)}${line}`;
			if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
			if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
			if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
			return `<c r="${ref}"><f>${esc(c.f)}</f></c>`;
		})
		.join('');
	return `<row r="${line}">${xml}</row>`;
}

export function columnName(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
