import { DataType, util, type Table } from 'apache-arrow';

/**
 * SQL in, Arrow table out. Planning code (the query builders, the assessment) depends on this
 * interface only, so the same SQL runs in the browser (duckdb-wasm) and in Node (tests, CLI).
 * This file must stay free of any DuckDB, Svelte or ECharts import.
 */
export interface Connector {
	query(sql: string): Promise<Table>;
	exec(sql: string): Promise<void>;
	close(): Promise<void>;
}

/**
 * Plain objects from an Arrow table, in row order, with JavaScript-friendly values: 64-bit
 * integers and decimals become numbers (counts and money fit easily in a double), dates become
 * `YYYY-MM-DD` (no time zone can shift them), timestamps ISO strings. Nulls stay null.
 * With duplicate column names the last one wins, as in a SQL client's row objects.
 */
export function rowsOf<T = Record<string, unknown>>(table: Table): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((field, i) => ({
		name: field.name,
		vector: table.getChildAt(i)!,
		convert: converterFor(field.type)
	}));
	const rows: T[] = [];
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (const c of columns) {
			const v = c.vector.get(r);
			row[c.name] = v === null || v === undefined ? null : c.convert(v);
		}
		rows.push(row as T);
	}
	return rows;
}

/**
 * Rows `start` to `end` (exclusive) as arrays of cells, converted as `rowsOf` converts them:
 * for a page of a large result, without touching the other rows; duplicate names are kept.
 */
export function cellsOf(table: Table, start = 0, end = table.numRows): unknown[][] {
	const slice = table.slice(start, end);
	const columns = slice.schema.fields.map((field, i) => ({
		vector: slice.getChildAt(i)!,
		convert: converterFor(field.type)
	}));
	const rows: unknown[][] = [];
	for (let r = 0; r < slice.numRows; r++)
		rows.push(
			columns.map((c) => {
				const v = c.vector.get(r);
				return v === null || v === undefined ? null : c.convert(v);
			})
		);
	return rows;
}

function converterFor(type: DataType): (v: unknown) => unknown {
	if (DataType.isDate(type)) return (ms) => new Date(Number(ms)).toISOString().slice(0, 10);
	if (DataType.isTimestamp(type)) return (ms) => new Date(Number(ms)).toISOString();
	if (DataType.isDecimal(type))
		return (bn) => util.bigNumToNumber(bn as Parameters<typeof util.bigNumToNumber>[0], type.scale);
	return (v) => (typeof v === 'bigint' ? Number(v) : v);
}
