import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { createNodeConnector } from '../connector/node';
import { buildQuickChartOption } from '../charts/quick';
import { ConsoleError } from '../sql/closed';
import type { ExtractEntry } from '../extract/schema';
import {
	cellText,
	clampPage,
	consoleMessage,
	groupSchema,
	HISTORY_KEY,
	HISTORY_SIZE,
	pageCells,
	pageCount,
	quickChartData,
	readHistory,
	remember,
	resultCsv,
	shareSearch,
	sqlFromUrl,
	townshipChoices,
	writeHistory
} from './sql-console';

function memoryStore(initial: Record<string, string> = {}) {
	const data = { ...initial };
	return {
		data,
		getItem: (k: string) => data[k] ?? null,
		setItem: (k: string, v: string) => void (data[k] = v)
	};
}

describe('paging a large result', () => {
	const big = tableFromArrays({ i: Int32Array.from({ length: 100_000 }, (_, k) => k) });

	it('pages of 100 rows, the last one partial, out-of-range pages clamped', () => {
		expect(pageCount(100_000)).toBe(1000);
		expect(pageCount(0)).toBe(1);
		expect(pageCount(101)).toBe(2);
		expect(clampPage(5000, 100_000)).toBe(999);
		expect(clampPage(-3, 100_000)).toBe(0);
		expect(pageCells(big, 999)).toHaveLength(100);
		expect(pageCells(big, 999)[99]).toEqual([99_999]);
		expect(pageCells(big, 3)[0]).toEqual([300]);
	});

	it('a page of 100,000 rows costs what a page of 100 costs', () => {
		const t0 = performance.now();
		for (let p = 0; p < 100; p++) pageCells(big, p * 10);
		expect((performance.now() - t0) / 100).toBeLessThan(20);
	});
});

describe('cells and CSV from a real DuckDB result', () => {
	it('NULL stays visible, numbers stay numbers in the CSV, formulas are defused', async () => {
		const db = await createNodeConnector();
		const table = await db.query(
			"SELECT * FROM (VALUES ('城关镇', 1234.5::DOUBLE, NULL::INTEGER), ('=1+1', -3, 7)) t(name, v, n)"
		);
		await db.close();
		expect(pageCells(table, 0).map((r) => r.map(cellText))).toEqual([
			['城关镇', '1,234.5', 'NULL'],
			['=1+1', '-3', '7']
		]);
		expect(resultCsv(table)).toBe("\uFEFFname,v,n\r\n城关镇,1234.5,\r\n'=1+1,-3,7\r\n");
	});
});

describe('recent queries and shared links', () => {
	it('newest first, no duplicates, at most HISTORY_SIZE, kept in the store', () => {
		let h: string[] = [];
		for (let i = 0; i < HISTORY_SIZE + 5; i++) h = remember(h, `SELECT ${i}`);
		h = remember(h, '  SELECT 10 ');
		expect(h[0]).toBe('SELECT 10');
		expect(h.filter((q) => q === 'SELECT 10')).toHaveLength(1);
		expect(h).toHaveLength(HISTORY_SIZE);
		expect(remember(h, '   ')).toBe(h);
		const store = memoryStore();
		writeHistory(store, h);
		expect(readHistory(store)).toEqual(h);
		expect(readHistory(memoryStore({ [HISTORY_KEY]: 'not json' }))).toEqual([]);
		expect(readHistory(memoryStore({ [HISTORY_KEY]: '[1,"SELECT 1"]' }))).toEqual(['SELECT 1']);
		expect(readHistory(undefined)).toEqual([]);
	});

	it('?sql= round-trips, keeping the language', () => {
		const p = new URLSearchParams('lang=en');
		const search = shareSearch(p, "SELECT '甲' AS a; -- x");
		expect(sqlFromUrl(new URLSearchParams(search))).toBe("SELECT '甲' AS a; -- x");
		expect(new URLSearchParams(search).get('lang')).toBe('en');
		expect(shareSearch(new URLSearchParams('sql=x'), ' ')).toBe('?');
	});
});

describe('schema browser', () => {
	it('groups columns by table with the row counts the engine counted', () => {
		expect(
			groupSchema(
				[
					{ table_name: 'units', column_name: 'code', data_type: 'VARCHAR' },
					{ table_name: 'units', column_name: 'name', data_type: 'VARCHAR' },
					{ table_name: 'tasks', column_name: 'task', data_type: 'INTEGER' }
				],
				{ units: 320 }
			)
		).toEqual([
			{
				name: 'units',
				rows: 320,
				columns: [
					{ name: 'code', type: 'VARCHAR' },
					{ name: 'name', type: 'VARCHAR' }
				]
			},
			{ name: 'tasks', rows: null, columns: [{ name: 'task', type: 'INTEGER' }] }
		]);
	});

	it('lists the townships with village files, named by their full code', () => {
		const villageFiles = [
			{ name: 'village_month', file: 'b', township_code: '990101002' },
			{ name: 'village_month', file: 'a', township_code: '990101001' }
		] as unknown as ExtractEntry[];
		expect(townshipChoices(villageFiles, { '990101001000': '东坡镇' }, 'zh')).toEqual([
			{ code: '990101001', label: '东坡镇（990101001）' },
			{ code: '990101002', label: '990101002' }
		]);
		// full-width brackets are Chinese punctuation: English writes a space and ASCII brackets
		expect(townshipChoices(villageFiles, { '990101001000': '东坡镇' }, 'en')[0].label).toBe(
			'东坡镇 (990101001)'
		);
	});
});

describe('quick chart', () => {
	it('labels by the first text column, one series per other numeric column', () => {
		const table = tableFromArrays({
			year: Int32Array.from([2023, 2024]),
			town: ['甲镇', '乙镇'],
			births: Float64Array.from([12, NaN])
		});
		const data = quickChartData(table)!;
		expect(data.labelName).toBe('town');
		expect(data.labels).toEqual(['甲镇', '乙镇']);
		expect(data.series.map((s) => s.name)).toEqual(['year', 'births']);
		const option = buildQuickChartOption(data, 'line') as {
			series: { type: string; data: unknown[] }[];
		};
		expect(option.series.map((s) => s.type)).toEqual(['line', 'line']);
		expect(option.series[0].data).toEqual([2023, 2024]);
		expect(quickChartData(tableFromArrays({ name: ['a'] }))).toBeNull();
		// all numeric: the first column labels the rows
		expect(
			quickChartData(tableFromArrays({ m: Int32Array.from([1]), v: Int32Array.from([2]) }))!
				.labelName
		).toBe('m');
	});
});

describe('messages', () => {
	it('each refusal in Chinese and English, with the engine detail', () => {
		const e = new ConsoleError('write_file', 'Permission Error: …');
		expect(consoleMessage(e, 'zh').text).toContain('不能写文件');
		expect(consoleMessage(e, 'en').text).toContain('cannot write files');
		expect(consoleMessage(e, 'en').detail).toBe('Permission Error: …');
		expect(consoleMessage(new Error('boom'), 'zh')).toEqual({ text: '查询出错。', detail: 'boom' });
	});
});
