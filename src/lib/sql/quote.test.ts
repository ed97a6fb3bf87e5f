import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../connector/node';
import { rowsOf, type Connector } from '../connector/types';
import { dateLiteral, ident, literal, literalList, type SqlValue } from './quote';

const hostile = [
	'<img src=x onerror=alert(1)>',
	`O'Brien"; DROP TABLE units; --`,
	"'; SELECT 1; --",
	'\\x27 back\\slash',
	'line\nbreak\ttab',
	'城关镇 "东" 村',
	'/* not a comment */',
	'$$dollar$$',
	'😀 emoji',
	' '
];

describe('quoting, exact text', () => {
	it.each([
		['name', '"name"'],
		['na"me', '"na""me"'],
		['select', '"select"'],
		['出生人数', '"出生人数"'],
		['"', '""""']
	])('ident(%j) is %s', (name, text) => expect(ident(name)).toBe(text));

	it.each<[SqlValue, string]>([
		["it's", "'it''s'"],
		['', "''"],
		[42, '42'],
		[0.1, '0.1'],
		[-5, '(-5)'],
		[1e21, '1e+21'],
		[123456789012345678901234567890n, '123456789012345678901234567890'],
		[-7n, '(-7)'],
		[null, 'NULL'],
		[true, 'TRUE'],
		[false, 'FALSE']
	])('literal(%s) is %s', (value, text) => expect(literal(value)).toBe(text));

	it('literalList joins literals in parentheses', () => {
		expect(literalList(['a', "b'c", 1, null])).toBe("('a', 'b''c', 1, NULL)");
	});

	it('dateLiteral takes a day or a month', () => {
		expect(dateLiteral('2024-03-15')).toBe("DATE '2024-03-15'");
		expect(dateLiteral('2024-03')).toBe("DATE '2024-03-01'");
	});

	it.each<[string, () => unknown]>([
		['an empty identifier', () => ident('')],
		['NUL in an identifier', () => ident('a\0b')],
		['NUL in a string', () => literal('a\0b')],
		['a lone surrogate', () => literal('\ud800')],
		['NaN', () => literal(NaN)],
		['Infinity', () => literal(Infinity)],
		['-Infinity', () => literal(-Infinity)],
		['an object', () => literal({} as unknown as SqlValue)],
		['an empty list', () => literalList([])],
		['a non-date', () => dateLiteral("2024-03-01' OR 1=1")],
		['a day that does not exist', () => dateLiteral('2024-02-30')],
		['month 13', () => dateLiteral('2024-13')]
	])('throws on %s', (_, fn) => expect(fn).toThrow());
});

describe('quoting, read back by DuckDB', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await createNodeConnector();
		await db.exec('CREATE TABLE units (code VARCHAR, name VARCHAR)');
	});
	afterAll(() => db.close());

	it.each(hostile)('literal(%j) comes back as the same string', async (text) => {
		const [row] = rowsOf<{ v: string; n: number }>(
			await db.query(`SELECT ${literal(text)} AS v, length(${literal(text)}) AS n`)
		);
		expect(row.v).toBe(text);
		expect(row.n).toBe([...text].length);
	});

	it.each(hostile)('ident(%j) names a table and a column', async (name) => {
		await db.exec(`CREATE TABLE ${ident(name)} (${ident(name)} INTEGER)`);
		await db.exec(`INSERT INTO ${ident(name)} VALUES (7)`);
		const table = await db.query(`SELECT ${ident(name)} FROM ${ident(name)}`);
		expect(table.schema.fields[0].name).toBe(name);
		expect(rowsOf(table)).toEqual([{ [name]: 7 }]);
		await db.exec(`DROP TABLE ${ident(name)}`);
	});

	it('a hostile unit name is stored as data and the units table survives', async () => {
		const name = `O'Brien"; DROP TABLE units; --`;
		await db.exec(`INSERT INTO units VALUES (${literal('990101001001')}, ${literal(name)})`);
		const rows = rowsOf(await db.query(`SELECT name FROM units WHERE name = ${literal(name)}`));
		expect(rows).toEqual([{ name }]);
	});

	it.each<[SqlValue]>([[42], [-5], [0.1], [-2.5e-7], [1e21], [2 ** 53], [-7n], [true], [false]])(
		'literal(%s) equals the value bound as a parameter',
		async (value) => {
			// a bound parameter is the value as DuckDB receives it with no SQL text in between
			const row = await boundRow(`SELECT ${literal(value)} = $1 AS same`, value);
			expect(row.same).toBe(true);
			const [back] = rowsOf(await db.query(`SELECT ${literal(value)} AS v`));
			expect(back.v).toBe(typeof value === 'bigint' ? Number(value) : value);
		}
	);

	it('NULL reads back as null', async () => {
		expect(rowsOf(await db.query(`SELECT ${literal(null)} AS v`))).toEqual([{ v: null }]);
	});

	it('literalList works in IN and hostile values do not match', async () => {
		const sql = `SELECT count(*) AS n FROM units WHERE code IN ${literalList(['990101001001', "x' OR '1'='1"])}`;
		expect(rowsOf(await db.query(sql))).toEqual([{ n: 1 }]);
	});

	it('dateLiteral is a DATE', async () => {
		const [row] = rowsOf(
			await db.query(
				`SELECT ${dateLiteral('2024-03')} AS d, typeof(${dateLiteral('2024-03')}) AS t`
			)
		);
		expect(row).toEqual({ d: '2024-03-01', t: 'DATE' });
	});
});

// Connector has no parameters on purpose (duckdb-wasm's query() takes text only): go around it.
async function boundRow(sql: string, value: SqlValue): Promise<Record<string, unknown>> {
	const { DuckDBInstance, BOOLEAN, DOUBLE, HUGEINT } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const type = { number: DOUBLE, bigint: HUGEINT, boolean: BOOLEAN }[typeof value as 'number'];
	try {
		const result = await connection.run(sql, [value], [type]);
		return (await result.getRowObjectsJS())[0];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
