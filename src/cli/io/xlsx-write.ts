import { zipSync } from 'fflate';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
	name: string;
	/** rows[0] is usually the header; null (or a missing index) leaves the cell out entirely. */
	rows: XlsxCell[][];
	/** Per column: width in characters, and an Excel number format for its number cells. */
	columns?: { width?: number; numFmt?: string }[];
	/** The first rows (title, header) set in bold and kept in view: a frozen pane below them. */
	headerRows?: number;
}

// fflate encodes the DOS timestamp from local-time getters, so a local-time constructor gives the
// same bytes in every time zone (a UTC instant would shift the date, or even throw before 1980).
const ZIP_MTIME = new Date(2000, 0, 1, 0, 0, 0);
// Fixed so output stays byte-identical even if fflate's default ever changes. Deflate is most of
// the write time; level 1 is about twice as fast as 6 for files only ~7% larger.
const ZIP_LEVEL = 1;

// Excel's hard limits; writing past them produces files Excel "repairs" by dropping data.
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_TEXT = 32767;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';

const encoder = new TextEncoder();

/** Writes a minimal, deterministic .xlsx: identical input always yields identical bytes. */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
	if (sheets.length === 0) throw new RangeError('xlsx: a workbook needs at least one sheet');
	checkSheetNames(sheets);
	const strings = new SharedStrings();
	const styles = new Styles();
	const sheetXml = sheets.map((s) => worksheetXml(s, strings, styles));
	const n = sheets.length;

	// Insertion order is the zip entry order, which keeps the archive layout stable.
	const files: Record<string, Uint8Array> = {};
	const put = (path: string, xml: string) => (files[path] = encoder.encode(XML_HEAD + xml));
	put('[Content_Types].xml', contentTypes(n));
	put(
		'_rels/.rels',
		`<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	);
	put('xl/workbook.xml', workbookXml(sheets));
	put('xl/_rels/workbook.xml.rels', workbookRels(n));
	put('xl/styles.xml', styles.xml());
	put('xl/sharedStrings.xml', strings.xml());
	for (let i = 0; i < n; i++) put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml[i]);
	return zipSync(files, { level: ZIP_LEVEL, mtime: ZIP_MTIME });
}

function contentTypes(n: number): string {
	let parts =
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="${CT}sheet.main+xml"/>`;
	for (let i = 1; i <= n; i++)
		parts += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}worksheet+xml"/>`;
	return (
		parts +
		`<Override PartName="/xl/styles.xml" ContentType="${CT}styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}sharedStrings+xml"/></Types>`
	);
}

function workbookXml(sheets: XlsxSheet[]): string {
	let list = '';
	sheets.forEach((s, i) => {
		list += `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
	});
	return (
		`<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets></workbook>`
	);
}

function workbookRels(n: number): string {
	let rels = `<Relationships xmlns="${NS_PKG_REL}">`;
	for (let i = 1; i <= n; i++)
		rels += `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
	rels += `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`;
	rels += `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`;
	return rels + '</Relationships>';
}

// The smallest stylesheet Excel accepts without a repair prompt: it insists on the two default
// fills and on one entry in each of fonts, borders, cellStyleXfs and cellXfs.
const STYLES =
	`<styleSheet xmlns="${NS_MAIN}">` +
	'<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill>' +
	'<fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

const FIRST_CUSTOM_FORMAT = 164; // ids below are Excel's built-in formats

/**
 * Cell styles in first-use order (deterministic bytes): a number format and/or bold. A workbook
 * that uses none gets the minimal stylesheet unchanged.
 */
class Styles {
	private readonly formats: string[] = [];
	private readonly xfs: string[] = [];
	private readonly index = new Map<string, number>();

	/** The cellXfs index of a style; 0 (the default) for plain cells. */
	ref(numFmt: string | undefined, bold: boolean): number {
		if (!numFmt && !bold) return 0;
		const key = `${bold ? 'b' : ''}|${numFmt ?? ''}`;
		let i = this.index.get(key);
		if (i === undefined) {
			let fmtId = 0;
			if (numFmt) {
				let f = this.formats.indexOf(numFmt);
				if (f < 0) f = this.formats.push(numFmt) - 1;
				fmtId = FIRST_CUSTOM_FORMAT + f;
			}
			this.xfs.push(
				`<xf numFmtId="${fmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
					`${fmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}/>`
			);
			i = this.xfs.length;
			this.index.set(key, i);
		}
		return i;
	}

	xml(): string {
		if (this.xfs.length === 0) return STYLES;
		const formats = this.formats
			.map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(f)}"/>`)
			.join('');
		return (
			`<styleSheet xmlns="${NS_MAIN}">` +
			(formats ? `<numFmts count="${this.formats.length}">${formats}</numFmts>` : '') +
			'<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
			'<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
			'<fills count="2"><fill><patternFill patternType="none"/></fill>' +
			'<fill><patternFill patternType="gray125"/></fill></fills>' +
			'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
			'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
			`<cellXfs count="${this.xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`${this.xfs.join('')}</cellXfs>` +
			'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
			'</styleSheet>'
		);
	}
}

/** Deduplicates strings in first-seen order, which keeps indexes (and bytes) deterministic. */
class SharedStrings {
	private readonly index = new Map<string, number>();
	private readonly list: string[] = [];
	private refs = 0;

	ref(s: string): number {
		this.refs++;
		let i = this.index.get(s);
		if (i === undefined) {
			i = this.list.length;
			this.index.set(s, i);
			this.list.push(s);
		}
		return i;
	}

	xml(): string {
		const parts = [
			`<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.list.length}">`
		];
		for (const s of this.list) {
			// Without preserve, consumers may strip the edge whitespace a county typed on purpose.
			const keep = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
			parts.push(`<si><t${keep}>${escapeText(s)}</t></si>`);
		}
		parts.push('</sst>');
		return parts.join('');
	}
}

function worksheetXml(sheet: XlsxSheet, strings: SharedStrings, styles: Styles): string {
	const { rows, name } = sheet;
	const header = sheet.headerRows ?? 0;
	const style = (r: number, c: number, number: boolean) => {
		const s = styles.ref(number ? sheet.columns?.[c]?.numFmt : undefined, r < header);
		return s ? ` s="${s}"` : '';
	};
	if (rows.length > MAX_ROWS)
		throw new RangeError(`xlsx: sheet "${name}" has more than ${MAX_ROWS} rows`);
	const body: string[] = [];
	let maxCol = -1;
	let lastLine = 0;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		if (!row || row.length === 0) continue;
		if (row.length > MAX_COLS)
			throw new RangeError(`xlsx: sheet "${name}" row ${r + 1} has more than ${MAX_COLS} columns`);
		const line = r + 1;
		let cells = '';
		for (let c = 0; c < row.length; c++) {
			const v = row[c];
			if (v === null || v === undefined) continue;
			const ref = columnName(c) + line;
			if (typeof v === 'number') {
				if (!Number.isFinite(v))
					throw new RangeError(`xlsx: sheet "${name}" ${ref} is not a finite number`);
				cells += `<c r="${ref}"${style(r, c, true)}><v>${v}</v></c>`;
			} else if (typeof v === 'string') {
				if (v.length > MAX_TEXT)
					throw new RangeError(`xlsx: sheet "${name}" ${ref} exceeds ${MAX_TEXT} characters`);
				cells += `<c r="${ref}"${style(r, c, false)} t="s"><v>${strings.ref(v)}</v></c>`;
			} else {
				throw new TypeError(
					`xlsx: sheet "${name}" ${ref} holds a ${typeof v}, not a string or number`
				);
			}
			if (c > maxCol) maxCol = c;
		}
		if (cells === '') continue;
		lastLine = line;
		body.push(`<row r="${line}">`, cells, '</row>');
	}
	const dim = lastLine > 0 ? `<dimension ref="A1:${columnName(maxCol)}${lastLine}"/>` : '';
	const data = body.length > 0 ? `<sheetData>${body.join('')}</sheetData>` : '<sheetData/>';
	return `<worksheet xmlns="${NS_MAIN}">${dim}${frozenPane(header)}${columnsXml(sheet)}${data}</worksheet>`;
}

function frozenPane(rows: number): string {
	if (rows <= 0) return '';
	const below = `A${rows + 1}`;
	return (
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${rows}" topLeftCell="${below}"` +
		` activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${below}"` +
		` sqref="${below}"/></sheetView></sheetViews>`
	);
}

function columnsXml(sheet: XlsxSheet): string {
	const cols = (sheet.columns ?? [])
		.map((c, i) =>
			c.width ? `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>` : ''
		)
		.join('');
	return cols ? `<cols>${cols}</cols>` : '';
}

const columnCache: string[] = [];

/** 0 → A, 25 → Z, 26 → AA; cached because every cell of every file needs one. */
function columnName(index: number): string {
	let s = columnCache[index];
	if (s === undefined) {
		s = '';
		for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
			s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
		columnCache[index] = s;
	}
	return s;
}

// Excel rejects these in sheet names; failing loudly beats a file that opens with a repair prompt.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
const BAD_NAME = /[[\]:*?/\\\u0000-\u001f]/;

function checkSheetNames(sheets: XlsxSheet[]): void {
	const seen = new Set<string>();
	for (const { name } of sheets) {
		const key = name.toLowerCase();
		let why = '';
		if (name.length === 0 || name.length > 31) why = 'must be 1–31 characters';
		else if (BAD_NAME.test(name)) why = 'must not contain [ ] : * ? / \\ or control characters';
		else if (name.startsWith("'") || name.endsWith("'")) why = "must not start or end with '";
		else if (key === 'history') why = 'is reserved by Excel';
		else if (seen.has(key)) why = 'is used twice (sheet names are case-insensitive)';
		if (why) throw new RangeError(`xlsx: sheet name "${name}" ${why}`);
		seen.add(key);
	}
}

function escapeXml(s: string): string {
	return s.replace(/[&<>"']/g, (ch) => ENTITY[ch]);
}

const ENTITY: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

// Besides markup characters: XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and lone surrogates.
// Excel's own _xHHHH_ escape carries the controls through (and \r, which XML parsers would fold
// into \n); a literal "_xHHHH_" in the text gets its underscore escaped so it reads back verbatim.
/* eslint-disable no-control-regex -- control characters are exactly what must be escaped */
const NEEDS_ESCAPE =
	/[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-f]{4}_/i;
const ESCAPE =
	/[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9a-f]{4}_)/gi;
/* eslint-enable no-control-regex */

function escapeText(s: string): string {
	if (!NEEDS_ESCAPE.test(s)) return s;
	return s.replace(ESCAPE, (m) => {
		const entity = ENTITY[m];
		if (entity !== undefined) return entity;
		if (m.length === 2) return m; // a valid surrogate pair
		if (m === '_') return '_x005F_';
		const code = m.charCodeAt(0);
		if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
		return '_x' + code.toString(16).toUpperCase().padStart(4, '0') + '_';
	});
}
