import { normalizeHeader } from '../../lib/config/catalog';
import type { Catalog } from '../../lib/config/catalog-schema';
import { REPLACEMENT } from './decode';
import type { Issue } from './issues';
import { columnLetter, isBlankRow, type SourceTable } from './table';
import { combineTwoRowHeader } from './two-row-header';

/** How the columns of one file map onto catalog fields. */
export interface ColumnMap {
	/** Index of the header row in table.rows (the lower one of a two-row header); data rows follow it. */
	headerIndex: number;
	/** Field id per file column, or null for an ignored column. */
	fields: (string | null)[];
	/** Human label per file column for error messages: `F 出生人数 (births_total)`. */
	labels: string[];
	/** File column index per field id. */
	indexOf: Map<string, number>;
	/** CSV rows must have exactly the header's width; XLSX rows simply end at their last cell. */
	strictWidth: boolean;
}

/** Columns a rejects file adds in front of the fields; a corrected rejects file reads back in. */
export const REJECT_COLUMNS = ['reject_file', 'reject_line', 'reject_reason'];
const IGNORED_SILENTLY = new Set(REJECT_COLUMNS.map(normalizeHeader));

/** Title rows above the header are common in county sheets; look a few rows down for it. */
const HEADER_SEARCH_ROWS = 10;
/** A title row rarely names three fields; a header with a column missing still names many. */
const MIN_KNOWN_COLUMNS = 3;

export function mapHeader(
	table: SourceTable,
	file: string,
	catalog: Catalog,
	lookup: Map<string, string>
): { map: ColumnMap | null; issues: Issue[] } {
	const issues: Issue[] = [];
	const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => {
		const ids = new Set(r.cells.map((c) => (c ? lookup.get(normalizeHeader(c)) : undefined)));
		ids.delete(undefined);
		return ids.size >= MIN_KNOWN_COLUMNS || (ids.has('code') && ids.has('period'));
	});
	if (headerIndex < 0) {
		const first = table.rows.find((r) => !isBlankRow(r.cells));
		issues.push({ severity: 'error', file, line: first?.line ?? null, column: null, rule: 'header_not_found' });
		return { map: null, issues };
	}
	const header = table.rows[headerIndex];
	const twoRows = combineTwoRowHeader(table, headerIndex, lookup);
	const fields: (string | null)[] = [];
	const labels: string[] = [];
	const indexOf = new Map<string, number>();
	(twoRows ?? header.cells).forEach((cell, i) => {
		const text = (cell ?? '').trim();
		const id = text ? lookup.get(normalizeHeader(text)) : undefined;
		const letter = table.kind === 'xlsx' ? `${columnLetter(i)} ` : '';
		labels[i] = id && id !== text ? `${letter}${text} (${id})` : `${letter}${text || `#${i + 1}`}`;
		fields[i] = null;
		if (!text) return;
		if (text.includes(REPLACEMENT)) {
			issues.push({ severity: 'error', file, line: header.line, column: labels[i], rule: 'encoding' });
			return;
		}
		if (!id) {
			if (!IGNORED_SILENTLY.has(normalizeHeader(text)))
				issues.push({ severity: 'warning', file, line: header.line, column: labels[i], rule: 'header_unknown' });
			return;
		}
		const prior = indexOf.get(id);
		if (prior !== undefined) {
			issues.push({
				severity: 'error',
				file,
				line: header.line,
				column: labels[i],
				rule: 'header_duplicate',
				detail: `= ${labels[prior]}`
			});
			return;
		}
		fields[i] = id;
		indexOf.set(id, i);
	});
	for (const a of catalog.attributes)
		if (a.required && !indexOf.has(a.id))
			issues.push({
				severity: 'error',
				file,
				line: header.line,
				column: `${a.name.zh} (${a.id})`,
				rule: 'header_missing'
			});
	return {
		map: { headerIndex: twoRows ? headerIndex + 1 : headerIndex, fields, labels, indexOf, strictWidth: table.kind === 'csv' },
		issues
	};
}
