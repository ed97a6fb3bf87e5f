import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Manifest } from '../../src/lib/extract/schema';
import { launch, openPage, screenshot } from './browser';

// The closed SQL console on Debian's nginx, as a county serves it.
let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const base = () => inject('nginxUrl');
const editor = (page: Page) => page.getByLabel(/SQL 语句|SQL statement/);
const runButton = (page: Page) => page.getByRole('button', { name: /运行|Run/ });

/** Waits for the engine, then the console's run button. */
async function openConsole(page: Page, search = '') {
	await page.goto(`${base()}/explore/sql/${search}`);
	await runButton(page).waitFor({ timeout: 60_000 });
}

/** Runs SQL through the editor; resolves to the summary or the message shown. */
async function run(page: Page, sql: string): Promise<'rows' | 'message'> {
	await editor(page).fill(sql);
	await runButton(page).click();
	const done = page.locator('[data-testid=sql-summary], [data-testid=sql-message]');
	await done.first().waitFor({ timeout: 30_000 });
	return (await page.getByTestId('sql-summary').count()) ? 'rows' : 'message';
}

/** The grid's cells as text, header first. */
const grid = (page: Page) =>
	page
		.getByTestId('sql-grid')
		.evaluate((t: HTMLTableElement) =>
			[...t.rows].map((r) =>
				[...r.cells].map((c) => (c.tagName === 'TH' ? c.firstChild!.textContent! : c.innerText))
			)
		);

const FINGERPRINT = `SELECT
	(SELECT count(*) FROM units) AS units, (SELECT count(*) FROM county_month) AS county,
	(SELECT count(*) FROM township_month) AS township, (SELECT sum(births_total) FROM township_month) AS births,
	(SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM incidents) AS incidents,
	(SELECT string_agg(table_name, ',' ORDER BY table_name) FROM duckdb_tables()) AS tables`;

const REFUSED: [string, RegExp][] = [
	["COPY units TO 'units.csv'", /不能写文件/],
	["EXPORT DATABASE 'dump'", /不能写文件/],
	["ATTACH 'other.duckdb' AS other", /ATTACH/],
	['INSTALL httpfs', /安装或加载扩展/],
	['LOAD httpfs', /安装或加载扩展/],
	['SET enable_external_access = true', /设置已锁定/],
	['PRAGMA enable_external_access', /设置已锁定/],
	["SELECT * FROM read_csv('http://example.com/a.csv')", /不能读取外部文件或网址/],
	["SELECT * FROM read_parquet('https://example.com/a.parquet')", /不能读取外部文件或网址/],
	['CREATE TABLE copy AS SELECT * FROM units', /数据表只读/],
	["INSERT INTO units (code) VALUES ('x')", /数据表只读/],
	["UPDATE units SET name = 'x'", /数据表只读/],
	['DELETE FROM township_month', /数据表只读/],
	['DROP TABLE units', /数据表只读/],
	['SELECT 1) AS q; DROP TABLE units; SELECT * FROM (SELECT 1', /只能运行一条 SELECT/]
];

describe('SQL console (closed, read-only)', () => {
	it('refuses each closed statement with its message; the tables are unchanged', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await openConsole(page);
		expect(await run(page, FINGERPRINT)).toBe('rows');
		const before = await grid(page);
		const manifest = (await (await fetch(`${base()}/data/manifest.json`)).json()) as Manifest;
		const rows = (name: string) =>
			manifest.extracts.filter((e) => e.name === name).reduce((n, e) => n + e.rows, 0);
		expect(before[1].slice(0, 3).map((c) => Number(c.replace(/,/g, '')))).toEqual([
			rows('units'),
			rows('county_month'),
			rows('township_month')
		]);
		for (const [sql, message] of REFUSED) {
			expect(await run(page, sql), sql).toBe('message');
			await expect(page.getByTestId('sql-message').innerText(), sql).resolves.toMatch(message);
		}
		await screenshot(page, 'sql-console-refused');
		expect(await run(page, FINGERPRINT)).toBe('rows');
		expect(await grid(page)).toEqual(before);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a SELECT gives the numbers of the trends table (village data loaded after the lock)', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${base()}/trends/`);
		const first = page.locator('table.data tbody tr').first();
		await first.waitFor({ timeout: 60_000 });
		const cells = (await first.innerText()).split('\t').map((s) => s.trim());
		// unit, period, rate, numerator, denominator …
		const at = cells.indexOf('2019年第一季度');
		expect(at).toBeGreaterThanOrEqual(0);
		const [inPolicy, births] = [cells[at + 2], cells[at + 3]];
		expect(Number(births.replace(/,/g, ''))).toBeGreaterThan(0);

		await page.getByRole('link', { name: 'SQL查询' }).click();
		await runButton(page).waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: '加载' }).click();
		await page.locator('[data-table=village_month]').waitFor({ timeout: 60_000 });
		const sql = `SELECT sum(births_in_policy) AS inp, sum(births_total) AS births FROM village_month
			WHERE period BETWEEN '2019-01-01' AND '2019-03-01'
			AND births_in_policy IS NOT NULL AND births_total IS NOT NULL`;
		expect(await run(page, sql)).toBe('rows');
		expect((await grid(page))[1]).toEqual([inPolicy, births]);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows SQL from a shared link without running it; Ctrl+Enter runs it; history is kept', async () => {
		const { page, context, outside } = await openPage(browser);
		const sql = "SELECT 42 AS answer, '甲' AS name";
		await openConsole(page, `?sql=${encodeURIComponent(sql)}`);
		expect(await editor(page).inputValue()).toBe(sql);
		await expect(page.getByTestId('sql-from-link').innerText()).resolves.toContain('尚未运行');
		await page.waitForTimeout(1500);
		expect(await page.getByTestId('sql-summary').count()).toBe(0);
		await editor(page).press('Control+Enter');
		await page.getByTestId('sql-summary').waitFor();
		expect(await grid(page)).toEqual([
			['answer', 'name'],
			['42', '甲']
		]);
		await page.reload();
		await runButton(page).waitFor({ timeout: 60_000 });
		await expect(page.locator('.history summary').innerText()).resolves.toContain('（1）');
		expect(await page.getByTestId('sql-summary').count()).toBe(0);
		expect(outside).toEqual([]);
		await context.close();
	});

	it('cancels a long query, and the next query runs', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await openConsole(page);
		await editor(page).fill(
			'SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1'
		);
		const t0 = Date.now();
		await runButton(page).click();
		await page.getByRole('status').filter({ hasText: '运行中' }).waitFor();
		await page.waitForTimeout(1000);
		await page.getByRole('button', { name: '取消' }).click();
		await page.getByTestId('sql-message').waitFor({ timeout: 20_000 });
		await expect(page.getByTestId('sql-message').innerText()).resolves.toContain('查询已取消');
		expect(Date.now() - t0).toBeLessThan(20_000);
		expect(await run(page, 'SELECT 7 AS n')).toBe('rows');
		expect(await grid(page)).toEqual([['n'], ['7']]);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says when a cancel waits for one long step, and reloading the page gets out of it', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await openConsole(page);
		// one function call over a 500 MB string: DuckDB cannot stop inside it (~7 s here)
		const sql = "SELECT md5(repeat('a', 500000000)) AS h";
		await editor(page).fill(sql);
		await runButton(page).click();
		await page.getByRole('status').filter({ hasText: '运行中' }).waitFor();
		await page.waitForTimeout(500);
		await page.getByRole('button', { name: '取消' }).click();
		const notice = page.getByTestId('sql-slow-cancel');
		await notice.waitFor({ timeout: 10_000 });
		await expect(notice.innerText()).resolves.toContain('取消要等当前这一步算完才生效');
		await screenshot(page, 'sql-slow-cancel');
		await notice.getByRole('button', { name: '重新载入页面' }).click();
		// a fresh page, its engine free, and the SQL among the recent queries
		await runButton(page).waitFor({ timeout: 60_000 });
		expect(await run(page, 'SELECT 7 AS n')).toBe('rows');
		await page.locator('details.history summary').click();
		await expect(page.locator('details.history').innerText()).resolves.toContain('md5(repeat');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('pages a 100,000-row result and exports CSV equal to the screen', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await openConsole(page);
		expect(await run(page, 'SELECT range AS i, range * 0.5 AS half FROM range(100000)')).toBe(
			'rows'
		);
		await expect(page.getByTestId('sql-page').innerText()).resolves.toContain('第 1 / 1,000 页');
		expect(await page.locator('[data-testid=sql-grid] tbody tr').count()).toBe(100);
		await page.getByRole('button', { name: '末页' }).click();
		expect((await grid(page)).at(-1)).toEqual(['99,999', '49,999.5']);

		const sql = `SELECT u.name, t.code, sum(t.births_total) AS births, round(avg(t.pop_total), 2) AS pop
			FROM township_month t JOIN units u USING (code) GROUP BY ALL ORDER BY t.code`;
		expect(await run(page, sql)).toBe('rows');
		const screen = await grid(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出CSV' }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const csv = text
			.slice(1)
			.trimEnd()
			.split('\r\n')
			.map((l) => l.split(','));
		expect(csv.length).toBe(screen.length);
		expect(csv[0]).toEqual(screen[0]);
		const num = (s: string) => Number(s.replace(/,/g, ''));
		for (let r = 1; r < csv.length; r++) {
			expect(csv[r].slice(0, 2)).toEqual(screen[r].slice(0, 2));
			expect(csv[r].slice(2).map(Number)).toEqual(screen[r].slice(2).map(num));
		}
		await screenshot(page, 'sql-console');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('speaks English with ?lang=en', async () => {
		const { page, context, outside } = await openPage(browser, { locale: 'en' });
		await openConsole(page, '?lang=en');
		await expect(page.locator('h1').innerText()).resolves.toBe('SQL console (read-only)');
		expect(await run(page, 'DROP TABLE units')).toBe('message');
		await expect(page.getByTestId('sql-message').innerText()).resolves.toContain(
			'the tables are read-only'
		);
		expect(
			await run(page, 'SELECT level, count(*) AS n FROM units GROUP BY level ORDER BY n')
		).toBe('rows');
		await page.locator('.quick canvas').first().waitFor();
		await screenshot(page, 'sql-console-en');
		expect(outside).toEqual([]);
		await context.close();
	});
});
