import { extract, extractOne, listEntries, normalizeName, sniff, XlsxError } from './xlsx-zip';
import { classifyNumFmt, decodeXml, numberText, serialToIso, type DateKind } from './xlsx-text';

export interface XlsxRow {
	/** 1-based sheet row number (the row's r attribute), so findings can point at the real line. */
	line: number;
	cells: (string | null)[];
}

export interface XlsxTable {
	sheet: string;
	rows: XlsxRow[];
}

export { XlsxError };

const MAX_COL = 16383; // XFD: anything beyond is corrupt and would allocate huge row arrays

/** Reads the first worksheet (workbook order) as text cells; numbers and dates come back as typed. */
export function readXlsx(bytes: Uint8Array): XlsxTable {
	try {
		return read(bytes);
	} catch (e) {
		// Callers skip a file on XlsxError; one malformed county file must not abort a whole build.
		if (e instanceof XlsxError) throw e;
		throw new XlsxError(`unreadable xlsx (${e instanceof Error ? e.message : String(e)})`, {
			cause: e
		});
	}
}

function read(bytes: Uint8Array): XlsxTable {
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
	return { sheet: sheetName, rows: parseSheet(sheetXml, strings, kinds, date1904) };
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

/** One start, end or empty tag. `[^<>]` bounds every match attempt, so scans stay linear even on
 * hostile input (lazy "everything up to the closing tag" patterns go quadratic when it is missing). */
const tagPattern = (names: string) =>
	new RegExp(`<(/?)(?:[\\w.-]+:)?(${names})\\b([^<>]*?)(/?)>`, 'g');
const STYLE_TAGS = tagPattern('numFmt|cellXfs|xf');
const SST_TAGS = tagPattern('si|t|rPh');
const SHEET_TAGS = tagPattern('row|c|v|is|t|rPh');

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
			if (empty) out.push('');
			else if (close) out.push(decodeXml(text, true));
			else text = '';
		} else if (name === 'rPh') {
			phonetic = !close && !empty; // furigana readings are not part of the text
		} else if (!phonetic && !empty) {
			if (!close) start = m.index + tag.length;
			else if (start >= 0) text += xml.slice(start, m.index);
		}
	}
	return out;
}

const ATTR_R = /\sr\s*=\s*["']([^"']*)["']/;
const ATTR_S = /\ss\s*=\s*["']([^"']*)["']/;
const ATTR_T = /\st\s*=\s*["']([^"']*)["']/;

function parseSheet(xml: string, sst: string[], kinds: DateKind[], date1904: boolean): XlsxRow[] {
	const rows: XlsxRow[] = [];
	let line = 0;
	let cells: (string | null)[] = [];
	let width = 0;
	let col = -1;
	let cellAttrs = '';
	let value: string | null = null; // raw <v> text
	let inline: string | null = null; // raw <is> text runs
	let start = -1;
	let phonetic = false;
	// exec and indexed captures rather than matchAll and destructuring: the iterator protocol
	// costs more than the matching itself here.
	const tags = SHEET_TAGS;
	tags.lastIndex = 0;
	for (let m = tags.exec(xml); m !== null; m = tags.exec(xml)) {
		const close = m[1];
		const name = m[2];
		const attrs = m[3];
		const empty = m[4];
		if (name === 'row') {
			if (close) {
				// Rows holding only styled, empty cells carry no data (templates format hundreds).
				if (width > 0) {
					cells.length = width;
					rows.push({ line, cells });
				}
				width = 0;
				continue;
			}
			const r = ATTR_R.exec(attrs);
			line = r ? Number(r[1]) : line + 1;
			if (!Number.isInteger(line) || line < 1)
				throw new XlsxError(`invalid row number "${r?.[1]}"`);
			cells = [];
			col = -1;
		} else if (name === 'c') {
			if (!close) {
				const ref = ATTR_R.exec(attrs);
				col = ref ? columnIndex(ref[1]) : col + 1;
				cellAttrs = attrs;
				value = inline = null;
				if (!empty) continue;
			}
			const text = cellText(cellAttrs, value, inline, sst, kinds, date1904);
			if (text === null) continue;
			while (cells.length < col) cells.push(null);
			cells[col] = text;
			if (col >= width) width = col + 1;
			value = inline = null;
		} else if (name === 'is') {
			if (!close) inline = '';
		} else if (name === 'rPh') {
			phonetic = !close && !empty;
		} else if (empty) {
			if (name === 'v') value = '';
		} else if (!close) {
			start = tags.lastIndex;
		} else if (start >= 0) {
			const chunk = xml.slice(start, m.index);
			start = -1;
			if (name === 'v') value = chunk;
			else if (inline !== null && !phonetic) inline += chunk;
		}
	}
	return rows;
}

function columnIndex(ref: string): number {
	let n = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const ch = ref.charCodeAt(i) | 0x20; // fold to lower case
		if (ch < 0x61 || ch > 0x7a) break;
		n = n * 26 + (ch - 0x60);
	}
	if (i === 0 || n - 1 > MAX_COL) throw new XlsxError(`invalid cell reference "${ref}"`);
	return n - 1;
}

function cellText(
	attrs: string,
	raw: string | null,
	inline: string | null,
	sst: string[],
	kinds: DateKind[],
	date1904: boolean
): string | null {
	const t = ATTR_T.exec(attrs)?.[1] ?? 'n';
	if (t === 'inlineStr') return inline === null ? null : decodeXml(inline, true);
	if (raw === null) return null;
	// A formula may legitimately yield ""; for every other type an empty <v/> means no value.
	if (t !== 'str' && raw.trim() === '') return null;
	switch (t) {
		case 's': {
			const i = Number(raw.trim());
			if (!Number.isInteger(i) || i < 0 || i >= sst.length)
				throw new XlsxError(`shared string index "${raw}" is out of range`);
			return sst[i];
		}
		case 'str':
		case 'e':
			return decodeXml(raw, true);
		case 'b':
			return /^\s*(?:1|true)\s*$/i.test(raw) ? 'TRUE' : 'FALSE';
		case 'd': {
			// ISO 8601 date cells (strict OOXML, some generators); the time part is dropped.
			const text = decodeXml(raw).trim();
			return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
		}
		default: {
			const text = raw.trim();
			const s = ATTR_S.exec(attrs);
			const kind = s ? kinds[Number(s[1])] : undefined;
			if (kind) {
				const iso = serialToIso(Number(text), kind, date1904);
				if (iso !== null) return iso;
			}
			return numberText(decodeXml(text));
		}
	}
}
