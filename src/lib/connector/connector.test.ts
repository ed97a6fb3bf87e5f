import { readFileSync } from 'node:fs';
import { Decimal, makeData, makeVector, Table, tableFromArrays, Type } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from './node';
import { rowsOf, type Connector } from './types';

describe('node connector', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await createNodeConnector();
	});
	afterAll(() => db.close());

	it.each([
		['VARCHAR', `'a'`, Type.Utf8, 'a'],
		['INTEGER', '7', Type.Int, 7],
		['SMALLINT', '7::SMALLINT', Type.Int, 7],
		['BIGINT', '7::BIGINT', Type.Float, 7],
		['HUGEINT (what sum() of integers gives)', 'sum(7)', Type.Float, 7],
		['DOUBLE', '0.25::DOUBLE', Type.Float, 0.25],
		['DECIMAL(18,2)', '1234.56::DECIMAL(18,2)', Type.Float, 1234.56],
		['DECIMAL(38,2)', '-0.05::DECIMAL(38,2)', Type.Float, -0.05],
		['DATE', `DATE '2024-03-01'`, Type.Date, '2024-03-01'],
		['DATE before 1970', `DATE '1949-10-01'`, Type.Date, '1949-10-01'],
		['BOOLEAN', 'TRUE', Type.Bool, true]
	])('%s becomes the Arrow type the browser sees', async (_, expr, typeId, value) => {
		const table = await db.query(`SELECT ${expr} AS v`);
		expect(table.schema.fields[0].type.typeId).toBe(typeId);
		expect(rowsOf(table)).toEqual([{ v: value }]);
	});

	it('maps INTEGER to Int32 and BIGINT to Float64 exactly', async () => {
		const table = await db.query("SELECT 1 AS i, 1::BIGINT AS b, DATE '2024-01-01' AS d");
		expect(table.schema.fields.map((f) => String(f.type))).toEqual([
			'Int32',
			'Float64',
			'Date32<DAY>'
		]);
	});

	it('keeps nulls in every type', async () => {
		const table = await db.query(
			`SELECT * FROM (VALUES
				('a', 1, 1::BIGINT, 1.5::DOUBLE, 1.50::DECIMAL(18,2), DATE '2024-01-01', TRUE),
				(NULL, NULL, NULL, NULL, NULL, NULL, NULL)
			) AS t(s, i, b, f, d, dt, bo)`
		);
		expect(rowsOf(table)).toEqual([
			{ s: 'a', i: 1, b: 1, f: 1.5, d: 1.5, dt: '2024-01-01', bo: true },
			{ s: null, i: null, b: null, f: null, d: null, dt: null, bo: null }
		]);
		expect(table.getChild('i')!.nullCount).toBe(1);
	});

	it('keeps the schema of a result with no rows', async () => {
		const table = await db.query(`SELECT 'x' AS code, 1.5::DOUBLE AS value WHERE FALSE`);
		expect(table.numRows).toBe(0);
		expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
			['code', 'Utf8'],
			['value', 'Float64']
		]);
		expect(rowsOf(table)).toEqual([]);
	});

	it('keeps duplicate column names as separate columns', async () => {
		const table = await db.query(`SELECT 1 AS a, 2 AS a`);
		expect(table.numCols).toBe(2);
		expect(table.getChildAt(0)!.get(0)).toBe(1);
		expect(table.getChildAt(1)!.get(0)).toBe(2);
	});

	it('returns many rows in order', async () => {
		const table = await db.query('SELECT range AS i FROM range(5000) ORDER BY i');
		const rows = rowsOf<{ i: number }>(table);
		expect(rows).toHaveLength(5000);
		expect(rows[4999].i).toBe(4999);
	});

	it('runs statements with exec and reads them back with query', async () => {
		await db.exec(
			"CREATE TABLE t (code VARCHAR, n INTEGER); INSERT INTO t VALUES ('x', 1), ('y', 2)"
		);
		expect(rowsOf(await db.query('SELECT sum(n) AS n FROM t'))).toEqual([{ n: 3 }]);
	});

	it('has extension autoloading switched off', async () => {
		const rows = rowsOf(
			await db.query(
				`SELECT name, value FROM duckdb_settings()
				WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name`
			)
		);
		expect(rows).toEqual([
			{ name: 'autoinstall_known_extensions', value: 'false' },
			{ name: 'autoload_known_extensions', value: 'false' }
		]);
	});

	it('rejects result types it cannot map instead of guessing', async () => {
		await expect(db.query('SELECT [1, 2] AS l')).rejects.toThrow(/unsupported result type/);
	});

	it('reports SQL errors as rejected promises', async () => {
		await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
	});

	it('runs queries fired in parallel one after another', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				db.query(`SELECT ${i} AS i, sum(range) AS s FROM range(10000)`)
			)
		);
		expect(results.map((t) => rowsOf(t)[0])).toEqual(
			Array.from({ length: 20 }, (_, i) => ({ i, s: 49995000 }))
		);
	});

	it('refuses to run after close', async () => {
		const other = await createNodeConnector();
		await other.close();
		await other.close();
		await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
	});
});

describe('rowsOf', () => {
	it('turns Arrow decimals and 64-bit integers into numbers', async () => {
		// Arrow tables built elsewhere (duckdb-wasm without casts) may carry Decimal and Int64
		const table = tableFromArrays({ big: new BigInt64Array([1n, -2n]) });
		expect(rowsOf(table)).toEqual([{ big: 1 }, { big: -2 }]);
		// DECIMAL(18,2) 1.50 and -0.05 as 128-bit little-endian words
		const data = new Uint32Array([150, 0, 0, 0, -5 >>> 0, ~0 >>> 0, ~0 >>> 0, ~0 >>> 0]);
		const decimal = makeData({ type: new Decimal(2, 18, 128), length: 2, data });
		expect(rowsOf(new Table({ d: makeVector(decimal) }))).toEqual([{ d: 1.5 }, { d: -0.05 }]);
	});
});

describe('the connector folder stays pure', () => {
	it('types.ts imports neither DuckDB nor UI libraries', () => {
		const text = readFileSync(new URL('./types.ts', import.meta.url), 'utf8');
		expect(text).not.toMatch(/@duckdb|svelte|echarts/);
	});
});
