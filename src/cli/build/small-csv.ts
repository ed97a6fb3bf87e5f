import { normalizeHeader } from '../../lib/config/catalog';
import { parseCsv } from './csv';
import { decodeText, REPLACEMENT } from './decode';
import type { Issue, RuleId } from './issues';
import { isBlankRow } from './table';

export interface SmallColumn {
	id: string;
	aliases: string[];
	required: boolean;
}

export interface SmallRow {
	line: number;
	get(id: string): string;
}

/**
 * Reads one of the small hand-kept CSVs (units, tasks, incidents): any supported encoding,
 * English or Chinese headers, each problem reported under `rule`.
 */
export function readSmallCsv(
	bytes: Uint8Array,
	file: string,
	columns: SmallColumn[],
	rule: RuleId
): { rows: SmallRow[]; issues: Issue[]; encoding: string } {
	const issues: Issue[] = [];
	const { text, encoding } = decodeText(bytes);
	const records = [...parseCsv(text)].filter((r) => !isBlankRow(r.fields));
	const header = records.shift();
	if (!header) {
		issues.push({ severity: 'error', file, line: null, column: null, rule, detail: 'empty file' });
		return { rows: [], issues, encoding };
	}
	const lookup = new Map<string, string>();
	for (const c of columns) for (const a of [c.id, ...c.aliases]) lookup.set(normalizeHeader(a), c.id);
	const indexOf = new Map<string, number>();
	header.fields.forEach((h, i) => {
		const id = lookup.get(normalizeHeader(h));
		if (id && !indexOf.has(id)) indexOf.set(id, i);
		else if (h.trim())
			issues.push({
				severity: id ? 'error' : 'warning',
				file,
				line: header.line,
				column: h,
				rule: id ? 'header_duplicate' : 'header_unknown'
			});
	});
	for (const c of columns)
		if (c.required && !indexOf.has(c.id))
			issues.push({ severity: 'error', file, line: header.line, column: c.id, rule: 'header_missing' });
	if (issues.some((i) => i.severity === 'error')) return { rows: [], issues, encoding };

	const rows: SmallRow[] = [];
	for (const r of records) {
		if (r.fields.length !== header.fields.length) {
			issues.push({
				severity: 'error',
				file,
				line: r.line,
				column: null,
				rule: 'row_width',
				detail: `${r.fields.length} ≠ ${header.fields.length}`
			});
			continue;
		}
		const bad = r.fields.findIndex((f) => f.includes(REPLACEMENT));
		if (bad >= 0) {
			issues.push({ severity: 'error', file, line: r.line, column: header.fields[bad], rule: 'encoding' });
			continue;
		}
		rows.push({
			line: r.line,
			get: (id) => {
				const i = indexOf.get(id);
				return i === undefined ? '' : r.fields[i].normalize('NFKC').trim();
			}
		});
	}
	return { rows, issues, encoding };
}
