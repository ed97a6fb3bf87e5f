import { DataType, type Table } from 'apache-arrow';
import { cellsOf } from '../connector/types';
import { formatQuantity, paren } from '../format';
import { countColumn, exportTitle, tableCsv, textColumn, type ExportTable } from './table-export';
import { t, type Lang } from '../i18n';
import { ConsoleError } from '../sql/closed';
import type { QuickChartData } from '../charts/quick';
import type { ExtractEntry } from '../extract/schema';

/** Rows fetched at most: more is not an answer to read on screen or open in Excel. */
export const SQL_ROW_LIMIT = 200_000;
/** Rows drawn at a time: a page, never the whole result. */
export const PAGE_SIZE = 100;
export const HISTORY_KEY = 'kaoping.sql.history';
export const HISTORY_SIZE = 20;

export const DEFAULT_SQL = 'SELECT level, count(*) AS n FROM units GROUP BY level ORDER BY n';

export interface ResultColumn {
	name: string;
	type: string;
	numeric: boolean;
}

export function resultColumns(table: Table): ResultColumn[] {
	return table.schema.fields.map((f) => ({
		name: f.name,
		type: String(f.type),
		numeric: DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type)
	}));
}

export const pageCount = (rows: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(rows / size));

export const clampPage = (page: number, rows: number, size = PAGE_SIZE) =>
	Math.min(Math.max(0, Math.floor(page)), pageCount(rows, size) - 1);

/** The cells of one page (0-based) of the result. */
export function pageCells(table: Table, page: number, size = PAGE_SIZE): unknown[][] {
	const start = clampPage(page, table.numRows, size) * size;
	return cellsOf(table, start, Math.min(start + size, table.numRows));
}

/** A cell as the grid shows it: NULL visibly different from an empty text. */
export function cellText(v: unknown): string {
	if (v === null || v === undefined) return 'NULL';
	if (typeof v === 'number') return formatQuantity(v, 6);
	if (typeof v === 'object')
		return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
	return String(v);
}

const exportCell = (v: unknown): string | number | null =>
	v === null || v === undefined
		? null
		: typeof v === 'number' || typeof v === 'string'
			? v
			: typeof v === 'bigint'
				? safeNumber(v)
				: cellText(v);

// a 64-bit integer beyond 2^53 would lose digits as a number: it travels as its text
const safeNumber = (v: bigint) => (Number.isSafeInteger(Number(v)) ? Number(v) : String(v));

/** The whole fetched result as a table to export: numbers stay numbers, as DuckDB gave them. */
export function resultExport(table: Table, title: string, lang: Lang): ExportTable {
	return {
		view: t(lang, 'nav.sql'),
		title,
		columns: resultColumns(table).map((c) =>
			c.numeric ? countColumn(c.name) : textColumn(c.name)
		),
		rows: cellsOf(table).map((row) => row.map(exportCell))
	};
}

/** The title row of a result: the query (its first line's worth) stands for the period. */
export function resultTitle(sql: string, dataset: string, lang: Lang): string {
	const query = sql.replace(/\s+/g, ' ').trim();
	return exportTitle(
		{
			view: t(lang, 'nav.sql'),
			period: query.length > 120 ? `${query.slice(0, 119)}…` : query,
			dataset,
			scheme: '—'
		},
		lang
	);
}

/** The whole fetched result as CSV, through the site's one table export. */
export const resultCsv = (table: Table): string => tableCsv(resultExport(table, '', 'zh'), 'zh');

// ---- recent queries, kept in the browser (localStorage) ----

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function readHistory(store: KeyValueStore | undefined): string[] {
	try {
		const list = JSON.parse(store?.getItem(HISTORY_KEY) ?? '[]') as unknown;
		return Array.isArray(list)
			? list.filter((x) => typeof x === 'string').slice(0, HISTORY_SIZE)
			: [];
	} catch {
		return [];
	}
}

/** The query first, without an earlier copy of it, at most HISTORY_SIZE kept. */
export function remember(history: string[], sql: string): string[] {
	const text = sql.trim();
	if (!text) return history;
	return [text, ...history.filter((q) => q !== text)].slice(0, HISTORY_SIZE);
}

export function writeHistory(store: KeyValueStore | undefined, history: string[]): void {
	try {
		store?.setItem(HISTORY_KEY, JSON.stringify(history));
	} catch {
		// a full or forbidden storage costs the history, not the query
	}
}

// ---- shared links: ?sql= is shown in the editor, never run without a click ----

export const sqlFromUrl = (p: URLSearchParams): string | null => p.get('sql');

/** The query string of a link that opens the console with this SQL (and the language). */
export function shareSearch(p: URLSearchParams, sql: string): string {
	const next = new URLSearchParams(p);
	if (sql.trim()) next.set('sql', sql);
	else next.delete('sql');
	return `?${next.toString()}`;
}

// ---- schema browser ----

export const SCHEMA_SQL =
	"SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index";

export interface SchemaTable {
	name: string;
	rows: number | null;
	columns: { name: string; type: string }[];
}

export function groupSchema(
	columns: { table_name: string; column_name: string; data_type: string }[],
	rowCounts: Record<string, number>
): SchemaTable[] {
	const tables = new Map<string, SchemaTable>();
	for (const c of columns) {
		let table = tables.get(c.table_name);
		if (!table) {
			table = { name: c.table_name, rows: rowCounts[c.table_name] ?? null, columns: [] };
			tables.set(c.table_name, table);
		}
		table.columns.push({ name: c.column_name, type: c.data_type });
	}
	return [...tables.values()];
}

// ---- messages ----

/** What the console says about an error: the refusal in the reader's language, DuckDB's detail. */
export function consoleMessage(error: unknown, lang: Lang): { text: string; detail: string } {
	if (!(error instanceof ConsoleError))
		return {
			text: t(lang, 'sql.error'),
			detail: error instanceof Error ? error.message : String(error)
		};
	const key = `sql.refused.${error.kind}` as const;
	return { text: t(lang, key), detail: error.detail };
}

// ---- quick chart ----

/** Rows and numeric columns the quick chart draws at most (a chart of more is unreadable). */
export const CHART_ROWS = 1000;
export const CHART_SERIES = 8;

/**
 * The first text-like column labels the rows (the first column when all are numbers); every
 * other numeric column is a series. None when the result has no numeric column besides it.
 */
export function quickChartData(table: Table): QuickChartData | null {
	const columns = resultColumns(table);
	if (!columns.length) return null;
	const labelAt = Math.max(
		0,
		columns.findIndex((c) => !c.numeric)
	);
	const valueAt = columns
		.map((c, i) => (c.numeric && i !== labelAt ? i : -1))
		.filter((i) => i >= 0)
		.slice(0, CHART_SERIES);
	if (!valueAt.length) return null;
	const rows = cellsOf(table, 0, Math.min(table.numRows, CHART_ROWS));
	return {
		labelName: columns[labelAt].name,
		labels: rows.map((r) => cellText(r[labelAt])),
		series: valueAt.map((i) => ({
			name: columns[i].name,
			values: rows.map((r) => (typeof r[i] === 'number' ? (r[i] as number) : null))
		}))
	};
}

/** Townships whose village file the data set has (its village index), labelled by name. */
export function townshipChoices(
	villageFiles: ExtractEntry[],
	names: Record<string, string>,
	lang: Lang
): { code: string; label: string }[] {
	const codes = [
		...new Set(villageFiles.flatMap((e) => (e.township_code ? [e.township_code] : [])))
	].sort();
	// a village file is named by the township's short code, units by the full 12-digit one
	const nameOf = (code: string) =>
		names[code] ?? Object.entries(names).find(([full]) => full.startsWith(code))?.[1];
	return codes.map((code) => {
		const name = nameOf(code);
		return { code, label: name ? `${name}${paren(code, lang)}` : code };
	});
}
