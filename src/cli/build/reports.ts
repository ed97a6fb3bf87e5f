import { readFileSync } from 'node:fs';
import type { Catalog } from '../../lib/config/catalog-schema';
import { XlsxError } from '../io/xlsx-read';
import { mapHeader, type ColumnMap } from './header';
import { formatIssue, type Issue, type Lang } from './issues';
import type { ReportFile } from './report-files';
export type { ReportFile } from './report-files';
import type { ReportRowValidator } from './report-row';
import type { ReportStager } from './stage';
import { sha256 } from './publish';
import { columnLetter, isBlankRow, readTable, type SourceRow } from './table';

export interface RejectRow {
	file: string;
	line: number | null;
	reason: string;
	/** Cell text by field id, as found in the file. */
	cells: Map<string, string>;
}

const TOTAL_ROW = /^(合计|总计|小计|全乡|全镇|total)$/i;

export interface FileOutcome {
	rows: number;
	encoding: string;
	sha256: string;
	bytes: number;
}

/** What reading one report file found; valid rows went to the stager. */
export interface FileResult {
	outcome: FileOutcome;
	issues: Issue[];
	rejects: RejectRow[];
}

export interface ReadContext {
	catalog: Catalog;
	lookup: Map<string, string>;
	validator: ReportRowValidator;
	lang: Lang;
}

/** Reads one report file: each row is staged when valid and rejected with its reasons if not. */
export function processReportFile(
	file: ReportFile,
	src: number,
	ctx: ReadContext,
	stager: Pick<ReportStager, 'append'>
): FileResult {
	const bytes = readFileSync(file.abs);
	// A converted .xls is recorded by the county's own file, which is what the inputs name.
	const own = file.origin ? readFileSync(file.origin) : bytes;
	return processReportBytes(bytes, file, src, ctx, stager, { sha256: sha256(own), bytes: own.length });
}

/** processReportFile on bytes already read (the fuzz test feeds thousands of mutants this way). */
export function processReportBytes(
	bytes: Uint8Array,
	file: Pick<ReportFile, 'path' | 'format'>,
	src: number,
	ctx: ReadContext,
	stager: Pick<ReportStager, 'append'>,
	hash: { sha256: string; bytes: number }
): FileResult {
	const outcome = { rows: 0, encoding: 'unknown', ...hash };
	const issues: Issue[] = [];
	const rejects: RejectRow[] = [];
	let table;
	try {
		table = readTable(bytes, file.format);
	} catch (e) {
		if (!(e instanceof XlsxError)) throw e;
		issues.push({ severity: 'error', file: file.path, line: null, column: null, rule: 'file_unreadable', detail: e.message });
		return { outcome, issues, rejects };
	}
	outcome.encoding = table.encoding;
	if (table.bomMismatchLine !== undefined) {
		issues.push({ severity: 'error', file: file.path, line: table.bomMismatchLine, column: null, rule: 'encoding_bom_mismatch' });
		return { outcome, issues, rejects };
	}
	const header = mapHeader(table, file.path, ctx.catalog, ctx.lookup);
	issues.push(...header.issues);
	const headerErrors = header.issues.filter((i) => i.severity === 'error');
	const map = header.map;
	const filled = new Set<string>();
	// the columns of fields not yet seen filled: once every one has a value, no cell is looked at
	let unfilled = map ? map.fields.flatMap((f, i) => (f ? [i] : [])) : [];
	for (const r of table.rows.slice(map ? map.headerIndex + 1 : 0)) {
		if (isBlankRow(r.cells) && !r.faults) continue;
		if (map && isTotalRow(r.cells, map)) {
			issues.push({ severity: 'warning', file: file.path, line: r.line, column: null, rule: 'header_unknown', detail: 'total row (合计) ignored' });
			continue;
		}
		outcome.rows++;
		if (headerErrors.length || !map) {
			rejects.push(rejectOf(file.path, r.line, headerErrors, r.cells, map, ctx.lang));
			continue;
		}
		const faults = faultIssues(file.path, r, map);
		const { row, issues: rowIssues } = ctx.validator.validate(file.path, r.line, r.cells, map, table.noReplacement);
		issues.push(...faults, ...rowIssues);
		if (unfilled.length)
			unfilled = unfilled.filter((i) => {
				const c = r.cells[i];
				if (c === null || c === undefined || c.trim() === '') return true;
				filled.add(map.fields[i]!);
				return false;
			});
		if (row && !faults.length) stager.append(row, src, r.line);
		else rejects.push(rejectOf(file.path, r.line, [...faults, ...rowIssues.filter((i) => i.severity === 'error')], r.cells, map, ctx.lang));
	}
	if (map && !headerErrors.length && outcome.rows > 0) issues.push(...unreportedMeasures(file.path, ctx.catalog, map, filled));
	return { outcome, issues, rejects };
}

/**
 * A measure a file has no column for, or whose column is empty in every row, is "not reported"
 * for all its villages and months: the rates that need it lose those unit-months, so say so —
 * once per file for the missing columns, once per column for the empty ones.
 */
function unreportedMeasures(file: string, catalog: Catalog, map: ColumnMap, filled: Set<string>): Issue[] {
	const missing = catalog.measures.filter((m) => !map.indexOf.has(m.id));
	const issues: Issue[] = missing.length
		? [{ severity: 'warning', file, line: null, column: null, rule: 'measure_missing', detail: missing.map((m) => `${m.name.zh} (${m.id})`).join(', ') }]
		: [];
	for (const m of catalog.measures) {
		const col = map.indexOf.get(m.id);
		if (col !== undefined && !filled.has(m.id))
			issues.push({ severity: 'warning', file, line: null, column: map.labels[col], rule: 'measure_blank' });
	}
	return issues;
}

/** The reader's findings in a data row, located by the header's column labels. */
function faultIssues(file: string, r: SourceRow, map: ColumnMap): Issue[] {
	return (r.faults ?? []).map((f) => ({
		severity: 'error',
		file,
		line: r.line,
		column: f.col === null ? null : (map.labels[f.col] ?? columnLetter(f.col)),
		rule: f.rule,
		detail: f.detail
	}));
}

function isTotalRow(cells: (string | null)[], map: ColumnMap): boolean {
	const code = cells[map.indexOf.get('code')!];
	return (!code || TOTAL_ROW.test(code.trim())) && cells.some((c) => c !== null && TOTAL_ROW.test(c.trim()));
}

export function rejectOf(
	file: string,
	line: number | null,
	why: Issue[],
	cells: (string | null)[],
	map: ColumnMap | null,
	lang: Lang
): RejectRow {
	const byField = new Map<string, string>();
	map?.fields.forEach((f, i) => {
		if (f && cells[i] !== null && cells[i] !== undefined) byField.set(f, cells[i] as string);
	});
	const reason = why.map((i) => formatIssue({ ...i, file: '', line: null }, lang).replace(/^: /, '')).join('; ');
	return { file, line, reason, cells: byField };
}

