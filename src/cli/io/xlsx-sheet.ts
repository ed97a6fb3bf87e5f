import { evaluateFormula, FormulaError } from './xlsx-formula';
import { cellText } from './xlsx-cell';
import { decodeXml, numberText, type DateKind } from './xlsx-text';
import { XlsxError } from './xlsx-zip';

/** Something wrong with one cell or row that the file's reader reports at that line. */
export interface CellFault {
	/** 0-based column, or null for the row as a whole. */
	col: number | null;
	rule: 'formula_uncomputed' | 'row_width';
	detail: string;
}

/** A row as stored: only the cells present, in column order (rows stay as sparse as the file). */
export interface SparseRow {
	line: number;
	cols: number[];
	texts: string[];
	faults?: CellFault[];
}

/** A merged range: sheet lines (1-based) and columns (0-based), inclusive. */
export interface XlsxMerge {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

const MAX_COL = 16383; // XFD

/** One start, end or empty tag. `[^<>]` bounds every match attempt, so scans stay linear even on
 * hostile input (lazy "everything up to the closing tag" patterns go quadratic when it is missing). */
export const tagPattern = (names: string) =>
	new RegExp(`<(/?)(?:[\\w.-]+:)?(${names})\\b([^<>]*?)(/?)>`, 'g');
const SHEET_TAGS = tagPattern('row|c|v|f|is|t|rPh');
const MERGE =
	/<(?:[\w.-]+:)?mergeCell\b[^<>]*?\sref\s*=\s*["']([A-Za-z]{1,3})(\d+):([A-Za-z]{1,3})(\d+)["']/g;

const ATTR_R = /\sr\s*=\s*["']([^"']*)["']/;

/**
 * The cell nearly every generator writes, `<c r="D2" s="1" t="n"><v>12</v></c>`, matched in one
 * step where the general scanner below takes four tags and three attribute searches: a province
 * has tens of millions of cells. Anything else (formulas, inline strings, other attributes or
 * spacing, a missing end tag) does not match and takes the general path, so what is accepted and
 * refused does not change.
 */
const PLAIN_CELL = /<c( r="([A-Za-z]{1,3}\d+)"(?: [st]="[^"<>]*")*)><v>([^<]*)<\/v><\/c>/y;

interface Pending {
	at: number; // index into the row's texts
	col: number;
	formula: string;
}

/**
 * Parses sheetData into sparse rows. A formula cell without a stored result is computed when
 * simple (see xlsx-formula.ts) and otherwise left empty with a fault naming it; cells must come
 * in column order and rows in line order, as every spreadsheet writes them — anything else is
 * a damaged file whose values could land in the wrong column.
 */
export function parseSheet(
	xml: string,
	sst: string[],
	kinds: DateKind[],
	date1904: boolean
): SparseRow[] {
	const rows: SparseRow[] = [];
	let row: SparseRow | null = null;
	let pending: Pending[] = [];
	let prevLine = 0;
	let col = -1;
	let inCell = false;
	let cellAttrs = '';
	let value: string | null = null; // raw <v> text
	let inline: string | null = null; // raw <is> text runs
	let formula: string | null = null; // raw <f> text ('' for a shared-formula follower)
	let start = -1;
	let opened = ''; // the tag whose text starts at `start`
	let phonetic = false;
	// exec and indexed captures rather than matchAll and destructuring: the iterator protocol
	// costs more than the matching itself here.
	const tags = SHEET_TAGS;
	const plain = PLAIN_CELL;
	tags.lastIndex = 0;
	for (;;) {
		if (row !== null && !inCell && start < 0) {
			plain.lastIndex = tags.lastIndex;
			const p = plain.exec(xml);
			if (p !== null) {
				const next = columnIndex(p[2]);
				if (next <= col)
					throw new XlsxError(`row ${row.line}: cell ${p[2]} is out of column order`);
				col = next;
				tags.lastIndex = plain.lastIndex;
				const text =
					plainCellText(p[1], p[2], p[3], sst) ?? cellText(p[1], p[3], null, sst, kinds, date1904);
				if (text !== null) {
					row.cols.push(col);
					row.texts.push(text);
				}
				continue;
			}
		}
		const m = tags.exec(xml);
		if (m === null) break;
		const close = m[1];
		const name = m[2];
		const attrs = m[3];
		const empty = m[4];
		// A value, formula or text run still open at a cell or row boundary lost its end tag:
		// what follows would be read into the wrong place, or a value would silently vanish.
		if (start >= 0 && (name === 'c' || name === 'row'))
			throw new XlsxError(`row ${row?.line ?? prevLine}: a value or text run is not closed`);
		if (name === 'row') {
			if (close || empty) {
				if (!row && close) throw new XlsxError(`</row> without <row> after row ${prevLine}`);
				if (row && inCell) throw new XlsxError(`row ${row.line}: a cell is not closed`);
				if (row && pending.length) computeFormulas(row, pending);
				// Rows holding only styled, empty cells carry no data (templates format hundreds).
				if (row && (row.cols.length || row.faults)) rows.push(row);
				row = null;
				pending = [];
				if (close) continue;
			}
			if (row) throw new XlsxError(`row ${row.line} is not closed`);
			const r = ATTR_R.exec(attrs);
			const line = r ? Number(r[1]) : prevLine + 1;
			if (!Number.isInteger(line) || line < 1)
				throw new XlsxError(`invalid row number "${r?.[1]}"`);
			if (line <= prevLine) throw new XlsxError(`row ${line} comes after row ${prevLine}`);
			prevLine = line;
			if (!empty) row = { line, cols: [], texts: [] };
			col = -1;
		} else if (name === 'c') {
			if (!row) throw new XlsxError(`a cell outside any row after row ${prevLine}`);
			if (!close) {
				if (inCell) throw new XlsxError(`row ${row.line}: a cell is not closed`);
				const ref = ATTR_R.exec(attrs);
				const next = ref ? columnIndex(ref[1]) : col + 1;
				if (next <= col)
					throw new XlsxError(`row ${row.line}: cell ${ref?.[1]} is out of column order`);
				col = next;
				cellAttrs = attrs;
				value = inline = formula = null;
				inCell = !empty;
				if (!empty) continue;
			} else if (!inCell) throw new XlsxError(`row ${row.line}: </c> without <c>`);
			inCell = false;
			const text = cellText(cellAttrs, value, inline, sst, kinds, date1904);
			if (text !== null) {
				row.cols.push(col);
				row.texts.push(text);
			} else if (formula !== null) {
				pending.push({ at: row.texts.length, col, formula });
				row.cols.push(col);
				row.texts.push('');
			}
		} else if (name === 'is') {
			if (!close) inline = '';
		} else if (name === 'rPh') {
			phonetic = !close && !empty;
		} else if (empty) {
			if (name === 'v') value = '';
			else if (name === 'f') formula = '';
		} else if (!close) {
			if ((name === 'v' || name === 'f') && !inCell)
				throw new XlsxError(`<${name}> outside a cell after row ${prevLine}`);
			start = tags.lastIndex;
			opened = name;
		} else if (start >= 0) {
			if (name !== opened)
				throw new XlsxError(`row ${row?.line ?? prevLine}: <${opened}> closed by </${name}>`);
			const chunk = xml.slice(start, m.index);
			start = -1;
			if (name === 'v') value = chunk;
			else if (name === 'f') formula = chunk;
			else if (inline !== null && !phonetic) inline += chunk;
		} else if (name === 'v' || name === 'f')
			throw new XlsxError(`</${name}> without <${name}> after row ${prevLine}`);
	}
	if (row || inCell) throw new XlsxError(`the sheet ends inside row ${prevLine}`);
	return rows;
}

const INTEGER_TEXT = /^(?:0|[1-9]\d{0,14})$/;

/**
 * cellText's answer for the two commonest cells, without its attribute searches: a number with
 * no style (`<c r="D2"><v>12</v></c>`: an integer reads as typed) and a shared string with no
 * style (`<c r="A2" t="s"><v>3</v></c>`). Undefined for anything else, which cellText reads.
 */
function plainCellText(attrs: string, ref: string, raw: string, sst: string[]): string | undefined {
	const rest = attrs.length - ref.length - 5; // after ` r="${ref}"`
	if (rest === 0) return INTEGER_TEXT.test(raw) ? raw : undefined;
	if (rest === 6 && attrs.endsWith(' t="s"') && INTEGER_TEXT.test(raw)) {
		const i = Number(raw);
		return i < sst.length ? sst[i] : undefined;
	}
	return undefined;
}

/** Computes the row's formulas in place; a formula it cannot compute leaves its cell empty. */
function computeFormulas(row: SparseRow, pending: Pending[]): void {
	const byCol = new Map(pending.map((p) => [p.col, p]));
	const done = new Map<number, number>();
	const visiting = new Set<number>();
	const number = (col: number): number | null => {
		if (done.has(col)) return done.get(col)!;
		const p = byCol.get(col);
		if (p) {
			if (visiting.has(col)) throw new FormulaError('circular reference');
			visiting.add(col);
			const v = evaluateFormula(p.formula, row.line, number);
			done.set(col, v);
			return v;
		}
		const k = row.cols.indexOf(col);
		if (k < 0 || row.texts[k].trim() === '') return null;
		const v = Number(row.texts[k]);
		if (!/^\s*[-+]?(\d|\.\d)/.test(row.texts[k]) || !Number.isFinite(v))
			throw new FormulaError(`${columnLetters(col)}${row.line} is not a number`);
		return v;
	};
	const drop: number[] = [];
	for (const p of pending) {
		try {
			if (p.formula.trim() === '') throw new FormulaError('shared formula');
			row.texts[p.at] = numberText(String(Number(number(p.col)!.toPrecision(15))));
		} catch (e) {
			if (!(e instanceof FormulaError)) throw e;
			(row.faults ??= []).push({
				col: p.col,
				rule: 'formula_uncomputed',
				detail: p.formula.trim() ? `=${decodeXml(p.formula)}` : `${columnLetters(p.col)}${row.line}`
			});
			drop.push(p.at);
		}
	}
	for (const at of drop.reverse()) {
		row.cols.splice(at, 1);
		row.texts.splice(at, 1);
	}
}

/** Merged ranges from the sheet's <mergeCells>; a single cell is no merge. */
export function parseMerges(xml: string): XlsxMerge[] {
	const out: XlsxMerge[] = [];
	for (const m of xml.matchAll(MERGE)) {
		const [a, b] = [columnIndex(m[1]), columnIndex(m[3])];
		const [top, bottom] = [Number(m[2]), Number(m[4])];
		if (a === b && top === bottom) continue;
		out.push({
			top: Math.min(top, bottom),
			bottom: Math.max(top, bottom),
			left: Math.min(a, b),
			right: Math.max(a, b)
		});
	}
	return out;
}

/**
 * Dense rows of at most `width` cells. A cell further right (one stray cell in column XFD) is
 * not expanded into thousands of empty cells: its row gets a fault naming it instead.
 */
export function densify(
	rows: SparseRow[],
	width: number
): { line: number; cells: (string | null)[]; faults?: CellFault[] }[] {
	return rows.map((r) => {
		const last = r.cols.length ? r.cols[r.cols.length - 1] : -1;
		const cells: (string | null)[] = new Array(Math.min(last + 1, width)).fill(null);
		const beyond: string[] = [];
		r.cols.forEach((c, k) => {
			if (c < width) cells[c] = r.texts[k];
			else if (r.texts[k].trim() !== '')
				beyond.push(`${columnLetters(c)}${r.line} ${JSON.stringify(r.texts[k].slice(0, 20))}`);
		});
		const faults = [...(r.faults ?? [])];
		if (beyond.length)
			faults.push({
				col: null,
				rule: 'row_width',
				detail: `${beyond.slice(0, 3).join(', ')}${beyond.length > 3 ? ` (+${beyond.length - 3})` : ''} > ${width ? columnLetters(width - 1) : '-'}`
			});
		return faults.length ? { line: r.line, cells, faults } : { line: r.line, cells };
	});
}

export function columnIndex(ref: string): number {
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

export function columnLetters(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
