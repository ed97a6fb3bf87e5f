import { extract, extractOne, listEntries, normalizeName, sniff, XlsxError } from './xlsx-zip';
import { classifyNumFmt, decodeXml, type DateKind } from './xlsx-text';
import {
	densify,
	parseMerges,
	parseSheet,
	tagPattern,
	type CellFault,
	type SparseRow,
	type XlsxMerge
} from './xlsx-sheet';

export interface XlsxRow {
	/** 1-based sheet row number (the row's r attribute), so findings can point at the real line. */
	line: number;
	cells: (string | null)[];
	/** Uncomputable formulas, cells beyond the kept columns. */
	faults?: CellFault[];
}

export interface XlsxTable {
	sheet: string;
	rows: XlsxRow[];
	/** Merged ranges (two-row headers), when the sheet has any. */
	merges?: XlsxMerge[];
}

export interface XlsxReadOptions {
	/**
	 * Columns kept per row. 'top-rows': as wide as the widest of the first rows (where a
	 * report's title and header are), at most REPORT_MAX_COLUMNS. Default: every column.
	 */
	columns?: number | 'top-rows';
}

export { XlsxError };
export type { CellFault, XlsxMerge };

/** A report has a few dozen columns; a wider header is not one (and would cost memory per row). */
export const REPORT_MAX_COLUMNS = 256;
const TOP_ROWS = 10;

/** Reads the first worksheet (workbook order) as text cells; numbers and dates come back as typed. */
export function readXlsx(bytes: Uint8Array, opts: XlsxReadOptions = {}): XlsxTable {
	try {
		return read(bytes, opts);
	} catch (e) {
		// Callers skip a file on XlsxError; one malformed county file must not abort a whole build.
		if (e instanceof XlsxError) throw e;
		throw new XlsxError(`unreadable xlsx (${e instanceof Error ? e.message : String(e)})`, {
			cause: e
		});
	}
}

function read(bytes: Uint8Array, opts: XlsxReadOptions): XlsxTable {
	sniff(bytes);
	const names = listEntries(bytes);

	const rootRels = names.has('_rels/.rels') ? parseRels(extractOne(bytes, '_rels/.rels'), '') : [];
	const wbPath = rootRels.find((r) => r.type === 'officeDocument')?.path ?? 'xl/workbook.xml';
	if (!names.has(normalizeName(wbPath))) {
		if (names.has('xl/workbook.bin'))
			throw new XlsxError('binary workbooks (.xlsb) are not supported');
		if (names.has('content.xml'))
			throw new XlsxError('OpenDocument (.ods) files are not supported');
		throw new XlsxError('no workbook part (xl/workbook.xml) in the archive: not an xlsx file');
	}
	const wbDir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
	const wbRelsPath = `${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`;
	const parts = extract(bytes, [wbPath, wbRelsPath]);
	const wbXml = parts.get(wbPath) ?? '';
	const rels = parseRels(parts.get(wbRelsPath) ?? '', wbDir);
	const relById = new Map(rels.map((r) => [r.id, r]));

	let sheetName = '';
	let sheetPath = '';
	for (const m of wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^<>]*)>/g)) {
		const attrs = parseAttrs(m[1]);
		let rid: string | undefined;
		for (const [k, v] of attrs) if (k === 'id' || k.endsWith(':id')) rid = v;
		const rel = rid === undefined ? undefined : relById.get(rid);
		// Chart sheets and macro sheets share <sheet> with worksheets; only worksheets hold cells.
		if (rel && rel.type === 'worksheet') {
			sheetName = attrs.get('name') ?? '';
			sheetPath = rel.path;
			break;
		}
	}
	if (!sheetPath) throw new XlsxError('the workbook has no worksheet');

	const byType = (type: string, fallback: string) =>
		rels.find((r) => r.type === type)?.path ?? (names.has(normalizeName(fallback)) ? fallback : '');
	const stylesPath = byType('styles', `${wbDir}styles.xml`);
	const sstPath = byType('sharedStrings', `${wbDir}sharedStrings.xml`);
	const data = extract(bytes, [sheetPath, stylesPath, sstPath].filter(Boolean));
	const sheetXml = data.get(sheetPath);
	if (sheetXml === undefined) throw new XlsxError(`worksheet part ${sheetPath} is missing`);
	// fflate silently truncates an entry whose real size exceeds the declared one; a sheet cut off
	// mid-way must not pass as a shorter, valid one.
	if (!isComplete(sheetXml, 'worksheet'))
		throw new XlsxError(`worksheet part ${sheetPath} is truncated or not a worksheet`);

	const date1904 = DATE1904.test(wbXml);
	const kinds = parseStyles(data.get(stylesPath) ?? '');
	const strings = parseSharedStrings(data.get(sstPath) ?? '');
	const sparse = parseSheet(sheetXml, strings, kinds, date1904);
	const width = opts.columns === 'top-rows' ? topRowsWidth(sparse) : (opts.columns ?? Infinity);
	// <mergeCells> follows <sheetData>; scanning only the tail keeps cell text out of it.
	const dataEnd = closingTagIndex(sheetXml, 'sheetData');
	const merges = dataEnd < 0 ? [] : parseMerges(sheetXml.slice(dataEnd));
	const table: XlsxTable = { sheet: sheetName, rows: densify(sparse, width) };
	if (merges.length) table.merges = merges;
	return table;
}

function topRowsWidth(rows: SparseRow[]): number {
	let width = 0;
	for (const r of rows.slice(0, TOP_ROWS))
		for (const c of r.cols) if (c < REPORT_MAX_COLUMNS && c >= width) width = c + 1;
	return width;
}

const DATE1904 = /<(?:[\w.-]+:)?workbookPr\b[^<>]*\sdate1904\s*=\s*["'](?:1|true)["']/i;

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of s.matchAll(ATTR)) out.set(m[1], decodeXml(m[2] ?? m[3]));
	return out;
}

interface Rel {
	id: string;
	/** Last segment of the relationship type URI, so transitional and strict OOXML both match. */
	type: string;
	path: string;
}

function parseRels(xml: string, baseDir: string): Rel[] {
	const rels: Rel[] = [];
	for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^<>]*)>/g)) {
		const a = parseAttrs(m[1]);
		const target = a.get('Target');
		if (!target || a.get('TargetMode') === 'External') continue;
		const type = a.get('Type') ?? '';
		rels.push({
			id: a.get('Id') ?? '',
			type: type.slice(type.lastIndexOf('/') + 1),
			path: resolvePath(baseDir, target)
		});
	}
	return rels;
}

/** Targets are URIs relative to the source part's folder, or absolute from the package root. */
function resolvePath(baseDir: string, target: string): string {
	let t = target.replace(/\\/g, '/');
	try {
		t = decodeURIComponent(t);
	} catch {
		// keep the raw target: a malformed escape just means the part will not be found
	}
	const segments = (t.startsWith('/') ? t : baseDir + t).split('/');
	const out: string[] = [];
	for (const s of segments) {
		if (s === '..') out.pop();
		else if (s !== '.' && s !== '') out.push(s);
	}
	return out.join('/');
}

const STYLE_TAGS = tagPattern('numFmt|cellXfs|xf');
const SST_TAGS = tagPattern('si|t|rPh');

/** Date kind per cellXfs index (the cell's s attribute). */
function parseStyles(xml: string): DateKind[] {
	const custom = new Map<number, string>();
	const formatIds: number[] = [];
	// cellStyleXfs holds xf elements too; only those inside cellXfs are indexed by cells.
	let inCellXfs = false;
	for (const [, close, name, attrs, empty] of xml.matchAll(STYLE_TAGS)) {
		if (name === 'cellXfs') inCellXfs = !close && !empty;
		else if (close) continue;
		else if (name === 'numFmt') {
			const a = parseAttrs(attrs);
			custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
		} else if (inCellXfs) formatIds.push(Number(parseAttrs(attrs).get('numFmtId') ?? 0));
	}
	return formatIds.map((id) => classifyNumFmt(id, custom.get(id)));
}

/**
 * Where the first `</name>` or `</prefix:name>` starts, as `xml.search(/<\/(?:[\w.-]+:)?name>/)`
 * would say: found by a literal search for `name>`, since the regular expression tried a match
 * at every `<` of the sheet (~2% of a province's reading time).
 */
export function closingTagIndex(xml: string, name: string): number {
	const tail = `${name}>`;
	for (let at = xml.indexOf(tail); at >= 0; at = xml.indexOf(tail, at + 1)) {
		let start = at;
		if (xml.charCodeAt(start - 1) === 58 /* : */) {
			let p = start - 1;
			while (p > 0 && isNameChar(xml.charCodeAt(p - 1))) p--;
			if (p === start - 1) continue; // an empty prefix: `</:name>` is no tag
			start = p;
		}
		if (xml.charCodeAt(start - 1) === 47 /* / */ && xml.charCodeAt(start - 2) === 60 /* < */)
			return start - 2;
	}
	return -1;
}

/** [\w.-]: a character of a namespace prefix as the tag patterns accept it. */
function isNameChar(c: number): boolean {
	return (
		(c >= 48 && c <= 57) ||
		(c >= 65 && c <= 90) ||
		(c >= 97 && c <= 122) ||
		c === 95 ||
		c === 46 ||
		c === 45
	);
}

/** Whether the part ends with its root's closing tag, i.e. was not cut short. */
const isComplete = (xml: string, root: string) =>
	new RegExp(`(?:</(?:[\\w.-]+:)?${root}|<(?:[\\w.-]+:)?${root}\\b[^<>]*/)>$`).test(
		xml.slice(-300).trimEnd()
	);

function parseSharedStrings(xml: string): string[] {
	const out: string[] = [];
	if (!xml) return out;
	if (!isComplete(xml, 'sst')) throw new XlsxError('shared strings part is truncated');
	let text = '';
	let start = -1;
	let phonetic = false;
	for (const m of xml.matchAll(SST_TAGS)) {
		const [tag, close, name, , empty] = m;
		if (name === 'si') {
			if (start >= 0) throw new XlsxError(`shared string ${out.length}: a text run is not closed`);
			if (empty) out.push('');
			else if (close) out.push(decodeXml(text, true));
			else text = '';
		} else if (name === 'rPh') {
			phonetic = !close && !empty; // furigana readings are not part of the text
		} else if (!phonetic && !empty) {
			if (!close) start = m.index + tag.length;
			else if (start >= 0) {
				text += xml.slice(start, m.index);
				start = -1;
			}
		}
	}
	return out;
}
