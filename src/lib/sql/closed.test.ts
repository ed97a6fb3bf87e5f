import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDuckDB } from '../connector/node-duckdb';
import { tableOfResult } from '../connector/node';
import {
	closeConnection,
	consoleStatement,
	ConsoleError,
	runConsoleQuery,
	statementKind,
	trimStatement,
	type ConsoleConnection
} from './closed';

// Real DuckDB (node-api) with the settings the browser engine gets; the console connection is a
// second connection to the same database, as in the browser.
let instance: DuckDBInstance;
let site: DuckDBConnection;
let raw: DuckDBConnection;
let consoleConn: ConsoleConnection;

function nodeConsole(c: DuckDBConnection): ConsoleConnection {
	return {
		async prepare(sql) {
			(await c.prepare(sql)).destroySync();
		},
		async exec(sql) {
			await c.run(sql);
		},
		async stream(sql, onBatch) {
			const table = await tableOfResult(await c.run(sql));
			for (const batch of table.batches) if (!onBatch(batch)) break;
			return table.schema;
		},
		async cancel() {
			c.interrupt();
		},
		async close() {
			c.closeSync();
		}
	};
}

const snapshot = async () =>
	(await site.runAndReadAll('SELECT count(*)::INT AS n, sum(a)::INT AS s FROM units')).getRowsJS();
const tables = async () =>
	(await site.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1')).getRowsJS();

beforeAll(async () => {
	instance = await openDuckDB();
	site = await instance.connect();
	await site.run('CREATE TABLE units AS SELECT range::INT AS a, range % 3 AS g FROM range(100)');
	await closeConnection((sql) => site.run(sql));
	raw = await instance.connect();
	consoleConn = nodeConsole(await instance.connect());
});
afterAll(() => {
	site?.closeSync();
	raw?.closeSync();
	instance?.closeSync();
});

const REFUSED: [string, string][] = [
	["COPY units TO '/tmp/kaoping-console-copy.csv'", 'write_file'],
	["EXPORT DATABASE '/tmp/kaoping-console-export'", 'write_file'],
	["ATTACH '/tmp/kaoping-console-x.duckdb' AS other", 'attach'],
	['INSTALL httpfs', 'extension'],
	['LOAD httpfs', 'extension'],
	['SET enable_external_access = true', 'setting'],
	["SET allowed_directories = ['/']", 'setting'],
	['PRAGMA enable_external_access', 'setting'],
	["SELECT * FROM read_csv('http://example.com/a.csv')", 'external'],
	["SELECT * FROM read_parquet('https://example.com/a.parquet')", 'external'],
	["SELECT * FROM read_text('/etc/passwd')", 'external'],
	['CREATE TABLE copy AS SELECT * FROM units', 'write_table'],
	['INSERT INTO units VALUES (1000, 0)', 'write_table'],
	['UPDATE units SET a = 0', 'write_table'],
	['DELETE FROM units', 'write_table'],
	['DROP TABLE units', 'write_table'],
	['SELECT 1; DROP TABLE units', 'not_select'],
	['SELECT 1) AS q; DROP TABLE units; SELECT * FROM (SELECT 1', 'not_select']
];

describe('the closed console (real DuckDB)', () => {
	it.each(REFUSED)('refuses %s with kind %s and leaves the tables unchanged', async (sql, kind) => {
		const before = [await snapshot(), await tables()];
		const error = await runConsoleQuery(consoleConn, sql, { limit: 10 }).catch((e) => e);
		expect(error).toBeInstanceOf(ConsoleError);
		expect((error as ConsoleError).kind).toBe(kind);
		expect([await snapshot(), await tables()]).toEqual(before);
		for (const file of ['copy.csv', 'export', 'x.duckdb'])
			expect(existsSync(`/tmp/kaoping-console-${file}`)).toBe(false);
		// the console's connection is usable afterwards (its transaction was rolled back)
		const after = await runConsoleQuery(consoleConn, 'SELECT count(*) AS n FROM units', {
			limit: 10
		});
		expect(after.table.getChildAt(0)!.get(0)).toBe(100);
	});

	it('the engine settings refuse on their own, without the console parser', async () => {
		for (const sql of [
			"COPY units TO '/tmp/kaoping-console-copy.csv'",
			"ATTACH '/tmp/kaoping-console-x.duckdb'",
			'LOAD httpfs',
			'SET enable_external_access = true',
			'SET lock_configuration = false',
			"SELECT * FROM read_csv('http://example.com/a.csv')"
		])
			await expect(raw.run(sql), sql).rejects.toThrow(/disabled|locked|Permission/);
		const settings = (
			await raw.runAndReadAll(
				"SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions') ORDER BY name"
			)
		).getRowsJS();
		expect(settings).toEqual([
			['allow_community_extensions', 'false'],
			['autoinstall_known_extensions', 'false'],
			['autoload_known_extensions', 'false'],
			['enable_external_access', 'false'],
			['lock_configuration', 'true']
		]);
	});

	it('a READ ONLY transaction refuses writes even to a statement the parser would pass', async () => {
		await raw.run('BEGIN TRANSACTION READ ONLY');
		await expect(raw.run('DELETE FROM units')).rejects.toThrow(/read-only/);
		await raw.run('ROLLBACK');
		expect(await snapshot()).toEqual([[100, 4950]]);
	});

	it('runs a query, with a trailing semicolon and comment, keeping its order', async () => {
		const r = await runConsoleQuery(
			consoleConn,
			'SELECT g, count(*) AS n FROM units GROUP BY g ORDER BY g DESC; -- by group',
			{ limit: 10 }
		);
		expect(r.truncated).toBe(false);
		expect(r.table.toArray().map((row) => row.toJSON())).toEqual([
			{ g: 2, n: 33 },
			{ g: 1, n: 33 },
			{ g: 0, n: 34 }
		]);
	});

	it('stops at the row limit and says so', async () => {
		const r = await runConsoleQuery(consoleConn, 'FROM units', { limit: 40 });
		expect([r.table.numRows, r.truncated]).toEqual([40, true]);
		const all = await runConsoleQuery(consoleConn, 'FROM units', { limit: 100 });
		expect([all.table.numRows, all.truncated]).toEqual([100, false]);
	});

	it('a long query can be cancelled and the connection works afterwards', async () => {
		const started = Date.now();
		const running = runConsoleQuery(
			consoleConn,
			'SELECT count(*) FROM range(100000) a, range(100000) b, range(1000) c WHERE a.range + b.range + c.range = -1',
			{ limit: 10 }
		).catch((e) => e);
		await new Promise((r) => setTimeout(r, 300));
		await consoleConn.cancel();
		const error = await running;
		expect((error as ConsoleError).kind).toBe('cancelled');
		expect(Date.now() - started).toBeLessThan(10_000);
		const r = await runConsoleQuery(consoleConn, 'SELECT 42 AS x', { limit: 10 });
		expect(r.table.getChildAt(0)!.get(0)).toBe(42);
	});
});

describe('console statement text', () => {
	it('trims trailing semicolons and comments, keeps strings', () => {
		expect(trimStatement("SELECT ';' AS s ;  -- note\n")).toBe("SELECT ';' AS s");
		expect(consoleStatement('SELECT 1 -- c\n, 2 -- d')).toBe(
			'SELECT * FROM (\nSELECT 1 -- c\n, 2\n) AS console_result'
		);
	});

	it('names the statement by its first keyword, ignoring comments and strings', () => {
		expect(statementKind('/* x */ copy units to "a.csv"')).toBe('write_file');
		expect(statementKind('-- SELECT\nDROP TABLE units')).toBe('write_table');
		expect(statementKind("SELECT ';DROP' AS s")).toBe('query');
		expect(statementKind('with t AS (SELECT 1) SELECT * FROM t')).toBe('query');
		expect(statementKind('UPDATE EXTENSIONS')).toBe('extension');
		expect(statementKind('EXPLAIN SELECT 1')).toBe('not_select');
	});
});
