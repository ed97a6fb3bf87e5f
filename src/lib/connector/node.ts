import { openDuckDB } from './node-duckdb';
import {
	DuckDBDateValue,
	DuckDBDecimalValue,
	DuckDBTypeId,
	type DuckDBMaterializedResult,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import {
	Bool,
	DateDay,
	Field,
	Float64,
	Int32,
	makeBuilder,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	Utf8,
	type Data,
	type DataType
} from 'apache-arrow';
import type { Connector } from './types';

/**
 * The Node side of `Connector` (tests and the CLI). Results are turned into the Arrow types the
 * browser gets from duckdb-wasm with `castBigIntToDouble` and decimals cast to double, so code
 * reading a Table behaves the same in both places.
 */
export async function createNodeConnector(path = ':memory:'): Promise<Connector> {
	const instance = await openDuckDB(path);
	const connection = await instance.connect();
	let closed = false;
	const open = () => {
		if (closed) throw new Error('connector is closed');
		return connection;
	};
	return {
		async query(sql) {
			return tableOfResult(await open().run(sql));
		},
		async exec(sql) {
			await open().run(sql);
		},
		async close() {
			if (closed) return;
			closed = true;
			connection.closeSync();
			instance.closeSync();
		}
	};
}

/** A materialised node-api result as the Arrow table the browser would get. */
export async function tableOfResult(result: DuckDBMaterializedResult): Promise<Table> {
	const names = result.columnNames();
	const columns = await result.getColumns();
	return toTable(
		names,
		result.columnTypes(),
		names.map((_, i) => columns[i] ?? []),
		result.rowCount
	);
}

interface ColumnMapping {
	arrow: DataType;
	convert: (v: DuckDBValue) => unknown;
}

const asNumber = (v: DuckDBValue) => Number(v);

function mappingFor(type: DuckDBType): ColumnMapping {
	switch (type.typeId) {
		case DuckDBTypeId.VARCHAR:
			return { arrow: new Utf8(), convert: (v) => String(v) };
		case DuckDBTypeId.BOOLEAN:
			return { arrow: new Bool(), convert: (v) => v === true };
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return { arrow: new Int32(), convert: asNumber };
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
			return { arrow: new Float64(), convert: asNumber };
		case DuckDBTypeId.DECIMAL:
			return { arrow: new Float64(), convert: (v) => (v as DuckDBDecimalValue).toDouble() };
		case DuckDBTypeId.DATE:
			// DateDay builders take epoch milliseconds
			return { arrow: new DateDay(), convert: (v) => (v as DuckDBDateValue).days * 86_400_000 };
		case DuckDBTypeId.SQLNULL:
			return { arrow: new Int32(), convert: () => null };
		default:
			throw new Error(
				`unsupported result type ${type.toString()}: cast it in SQL to VARCHAR, INTEGER, DOUBLE, DATE or BOOLEAN`
			);
	}
}

function toTable(
	names: string[],
	types: DuckDBType[],
	columns: DuckDBValue[][],
	length: number
): Table {
	const fields: Field[] = [];
	const children: Data[] = [];
	names.forEach((name, i) => {
		const { arrow, convert } = mappingFor(types[i]);
		const builder = makeBuilder({ type: arrow, nullValues: [null, undefined] });
		for (const v of columns[i]) builder.append(v === null ? null : convert(v));
		fields.push(new Field(name, arrow, true));
		children.push(builder.finish().flush());
	});
	// built from a struct rather than `new Table({ … })` so that duplicate column names survive
	const schema = new Schema(fields);
	const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
	return new Table(schema, [new RecordBatch(schema, data)]);
}
