import { unzipSync } from 'fflate';

export interface XlsxRow {
	/** 1-based sheet row number (the row's r attribute), so findings can point at the real line. */
	line: number;
	cells: (string | null)[];
}

export interface XlsxTable {
	sheet: string;
	rows: XlsxRow[];
}

/** Corrupt, not an xlsx, or an unsupported variant; messages are meant to be shown to people. */
export class XlsxError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'XlsxError';
	}
}

// Declared sizes bound fflate's output buffer, so refusing large declarations caps memory use
// no matter how the compressed data is crafted.
const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
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

function sniff(bytes: Uint8Array): void {
	const b = bytes;
	if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
		throw new XlsxError(
			'this is an OLE compound file (legacy .xls, or a password-protected workbook), not an xlsx'
		);
	if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b)
		throw new XlsxError('not a zip archive, so not an xlsx file');
}

const normalizeName = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

function unzip(bytes: Uint8Array, keep: (name: string) => boolean): Record<string, Uint8Array> {
	try {
		return unzipSync(bytes, {
			filter: (f) => {
				if (!keep(normalizeName(f.name))) return false;
				if (f.originalSize > MAX_ENTRY_BYTES)
					throw new XlsxError(
						`zip entry ${f.name} declares ${f.originalSize} bytes, over the limit`
					);
				if (f.compression !== 0 && f.compression !== 8)
					throw new XlsxError(`zip entry ${f.name} uses unsupported compression ${f.compression}`);
				return true;
			}
		});
	} catch (e) {
		if (e instanceof XlsxError) throw e;
		throw new XlsxError(`corrupt zip archive (${e instanceof Error ? e.message : String(e)})`);
	}
}

function listEntries(bytes: Uint8Array): Set<string> {
	const names = new Set<string>();
	unzip(bytes, (name) => (names.add(name), false));
	return names;
}

/** Inflates only the named parts (OOXML part names are case-insensitive). */
function extract(bytes: Uint8Array, paths: string[]): Map<string, string> {
	const want = new Map(paths.map((p) => [normalizeName(p), p]));
	const raw = unzip(bytes, (name) => want.has(name));
	const out = new Map<string, string>();
	for (const name of Object.keys(raw)) {
		const path = want.get(normalizeName(name));
		if (path !== undefined && !out.has(path)) out.set(path, decodeText(raw[name]));
	}
	return out;
}

function extractOne(bytes: Uint8Array, path: string): string {
	return extract(bytes, [path]).get(path) ?? '';
}

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

/** 0: not a date; 1: show the day (YYYY-MM-DD); 2: month only (YYYY-MM). */
type DateKind = 0 | 1 | 2;

// Built-in ids carry no format code in the file, and 27–58 depend on the locale Excel ran in;
// these are the zh-CN meanings, the locale county files come from. Time-only ids (18–21, 32–35,
// 45–47, 55–56) are left out on purpose: a time of day is not a date, so it stays a number.
// prettier-ignore
const BUILTIN_DATES = new Map<number, DateKind>([
	[14, 1], [15, 1], [16, 1], [17, 2], [22, 1], [27, 2], [28, 1], [29, 1], [30, 1], [31, 1],
	[36, 2], [50, 2], [51, 1], [52, 2], [53, 1], [54, 1], [57, 2], [58, 1]
]);

function classifyNumFmt(id: number, code: string | undefined): DateKind {
	if (code === undefined) return BUILTIN_DATES.get(id) ?? 0;
	// Literal text ("年", \-), fill/padding (*x, _x), and [colour]/[$-804]/[h] sections say
	// nothing about whether the value is a date, and may contain letters that would mislead.
	const s = code
		.replace(/"[^"]*"|\\.|[_*]./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.split(';')[0]
		.toLowerCase()
		.replace(/general|am\/pm|a\/p|上午\/下午/g, '');
	if (/[d日]/.test(s)) return 1;
	if (/[y年月]/.test(s)) return 2;
	// A bare "m" is a minute next to h or s, and a month otherwise.
	return /m/.test(s) && !/[hs]/.test(s) ? 2 : 0;
}

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel serial day number to ISO text, or null when no calendar date matches it. */
function serialToIso(serial: number, kind: DateKind, date1904: boolean): string | null {
	if (!(serial >= 0 && serial < 2958466)) return null; // 9999-12-31 is Excel's last day
	// Round to the second first: Excel shows 45000.99999999 as the next midnight, not 23:59:59.
	const days = Math.floor(Math.round(serial * 86400) / 86400);
	// Lotus 1-2-3 counted 1900 as a leap year and Excel kept serial 60 as 1900-02-29, so every
	// later serial is one day ahead of the real calendar. Report 60 the way Excel displays it;
	// serial 0 is shown as "1900-01-00", which no calendar has.
	if (!date1904 && days === 60) return kind === 2 ? '1900-02' : '1900-02-29';
	if (!date1904 && days === 0) return null;
	const ms = date1904 ? EPOCH_1904 + days * DAY_MS : EPOCH_1900 + (days - +(days > 60)) * DAY_MS;
	const iso = new Date(ms).toISOString();
	return kind === 2 ? iso.slice(0, 7) : iso.slice(0, 10);
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
// Canonical decimal text of at most 15 significant digits already reads as typed.
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** Number text as a person would have typed it: 12 not 12.0, 0.3 not 0.30000000000000004. */
function numberText(raw: string): string {
	if (raw.length <= 15 && CANONICAL.test(raw)) return raw;
	if (!NUMBER.test(raw)) return raw;
	// Excel itself keeps 15 significant digits; anything past that is binary float noise.
	const n = Number(raw);
	if (!Number.isFinite(n)) return raw;
	const s = String(Number(n.toPrecision(15)));
	const m = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(s);
	if (!m) return s;
	const digits = m[2] + (m[3] ?? '');
	const exp = Number(m[4]);
	if (exp < -30 || exp > 30) return s;
	if (exp < 0) return `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
	return m[1] + digits + '0'.repeat(exp - digits.length + 1);
}

const utf8 = new TextDecoder('utf-8');

/** Parts are UTF-8 in practice; a UTF-16 BOM is the only other encoding XML allows to go unlabelled. */
function decodeText(b: Uint8Array): string {
	if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
	if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
	return utf8.decode(b);
}

// prettier-ignore
const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/** Decodes XML entities and, for cell text, Excel's _xHHHH_ escapes (used for control chars). */
function decodeXml(s: string, excelEscapes = false): string {
	let out = s;
	if (out.includes('&'))
		out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
			if (e[0] !== '#') return NAMED.get(e) ?? all;
			const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
			return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
				? String.fromCodePoint(code)
				: '\ufffd';
		});
	// One left-to-right pass, so "_x005F_x000D_" (an escaped underscore) stays "_x000D_" literally.
	if (excelEscapes && out.includes('_x'))
		out = out.replace(/_x([0-9a-f]{4})_/gi, (_all, h: string) =>
			String.fromCharCode(parseInt(h, 16))
		);
	return out;
}
