import { readXlsx, type CellFault, type XlsxMerge } from '../io/xlsx-read';
import { parseCsv } from './csv';
import { decodeText, REPLACEMENT, type Encoding } from './decode';
import type { ReportFormat } from './report-files';

export interface SourceRow {
	line: number;
	cells: (string | null)[];
	/** Problems the reader found in this row (XLSX: uncomputable formulas, far-right cells). */
	faults?: CellFault[];
}

export interface SourceTable {
	kind: 'csv' | 'xlsx';
	encoding: Encoding | 'xlsx';
	rows: SourceRow[];
	/** XLSX merged ranges, used to read two-row headers. */
	merges?: XlsxMerge[];
	/** See Decoded.bomMismatchLine: the file is refused. */
	bomMismatchLine?: number;
	/** No cell can hold U+FFFD (a CSV whose decoded text has none): cells need no search for it. */
	noReplacement?: boolean;
}

/** Reads a CSV (any of the encodings counties use) or the first sheet of an XLSX workbook. */
export function readTable(bytes: Uint8Array, format: ReportFormat): SourceTable {
	if (format === 'xlsx') {
		// Rows are kept as wide as the title and header rows: a stray cell in column XFD becomes a
		// finding, not 16,384 cells in every row.
		const { rows, merges } = readXlsx(bytes, { columns: 'top-rows' });
		return { kind: 'xlsx', encoding: 'xlsx', rows, merges };
	}
	const { text, encoding, bomMismatchLine } = decodeText(bytes);
	const rows: SourceRow[] = [];
	for (const r of parseCsv(text, format === 'tsv' ? '\t' : undefined)) rows.push({ line: r.line, cells: r.fields });
	return { kind: 'csv', encoding, rows, bomMismatchLine, noReplacement: !text.includes(REPLACEMENT) };
}

export const isBlankRow = (cells: (string | null)[]) =>
	cells.every((c) => c === null || c.trim() === '');

/** Spreadsheet column letters for 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
