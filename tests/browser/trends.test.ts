import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshot } from './browser';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const firstChart = (page: Page) =>
	page.waitForFunction(() => performance.getEntriesByName('kp:first-chart').length > 0);
const renders = (page: Page) =>
	page.evaluate(() => (window as unknown as { __kp: { renders: number } }).__kp.renders);
const rendered = async (page: Page, before: number) =>
	page.waitForFunction(
		(n) => (window as unknown as { __kp: { renders: number } }).__kp.renders > n,
		before
	);

describe('indicator trends', () => {
	it('draws the default trend with a table of the same numbers and a tooltip with the counts', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/trends/');
		await firstChart(page);
		const [t] = await truth<{ inp: number; births: number }>(
			inject('demoExtracts'),
			`SELECT sum(births_in_policy) AS inp, sum(births_total) AS births FROM village_month
			 WHERE period BETWEEN '2019-01-01' AND '2019-03-01' AND births_in_policy IS NOT NULL AND births_total IS NOT NULL`
		);
		const first = page.locator('table.data tbody tr').first();
		await expect(first.innerText()).resolves.toMatch(
			new RegExp(
				`2019年第一季度\\s+${pct((t.inp / t.births) * 100).replace('.', '\\.')}\\s+${t.inp}\\s+${t.births.toLocaleString('en')}`
			)
		);
		const canvas = page.locator('section.chart canvas').first();
		const box = (await canvas.boundingBox())!;
		await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
		const tooltip = page
			.locator('section.chart div[style*="z-index"]')
			.filter({ hasText: '出生人数' });
		await tooltip.first().waitFor({ timeout: 5000 });
		await expect(tooltip.first().innerText()).resolves.toMatch(/政策内出生[\s\S]*出生人数/);
		await screenshot(page, 'trends');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps every selection in the URL: back, forward and a shared link restore the view', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/trends/');
		await firstChart(page);
		let n = await renders(page);
		await page.selectOption('select[name=indicator]', 'fee_collection_rate');
		await rendered(page, n);
		await page.locator('input[name=level][value=township]').check();
		await page.waitForURL(/level=township/);
		n = await renders(page);
		await page.selectOption('select[name=granularity]', 'year');
		await rendered(page, n);
		const shared = page.url();
		expect(shared).toMatch(/ind=fee_collection_rate/);
		expect(shared).toMatch(/g=year/);
		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('g=year'));
		expect(await page.locator('select[name=granularity]').inputValue()).toBe('quarter');
		await page.goForward();
		await page.waitForURL(/g=year/);
		expect(await page.locator('select[name=granularity]').inputValue()).toBe('year');
		const other = await context.newPage();
		await other.goto(shared);
		await other.locator('table.data tbody tr').first().waitFor();
		expect(await other.locator('select[name=indicator]').inputValue()).toBe('fee_collection_rate');
		expect(await other.locator('input[name=level][value=township]').isChecked()).toBe(true);
		expect(await other.locator('select[name=granularity]').inputValue()).toBe('year');
		expect(outside).toEqual([]);
		await context.close();
	});

	it("drills down to a township's villages, computed by DuckDB from that township's file", async () => {
		const { page, context, outside, errors } = await openPage(browser);
		const [v] = await truth<{
			code: string;
			name: string;
			township: string;
			inp: number;
			births: number;
		}>(
			inject('demoExtracts'),
			`SELECT v.code, u.name, v.township_code AS township, sum(births_in_policy) AS inp, sum(births_total) AS births
			 FROM village_month v JOIN units u USING (code) WHERE year(period) = 2023 AND births_in_policy IS NOT NULL AND births_total IS NOT NULL
			 GROUP BY ALL ORDER BY births DESC LIMIT 1`
		);
		await page.goto(
			`${inject('demoUrl')}/trends/?level=village&scope=${v.township}&g=year&from=2023-01&to=2023-12`
		);
		const row = page.locator('table.data tbody tr', { hasText: v.name }).first();
		await row.waitFor();
		await expect(row.innerText()).resolves.toContain(pct((v.inp / v.births) * 100));
		expect(await page.locator('select[name=township]').inputValue()).toBe(v.township);
		await screenshot(page, 'trends-villages');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('exports the chart as PNG and the table as CSV with a UTF-8 BOM', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/trends/');
		await firstChart(page);
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			// each chart has its own button; the first is the trend chart's
			page.getByRole('button', { name: '导出图片' }).first().click()
		]);
		expect(png.suggestedFilename()).toMatch(/^政策符合率_2019-01_2024-12\.png$/);
		expect(readFileSync((await png.path())!).subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
		);
		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出CSV' }).click()
		]);
		const text = readFileSync((await csv.path())!, 'utf8');
		expect(text.startsWith('\uFEFF代码,单位,时期,政策符合率,政策内出生,出生人数')).toBe(true);
		expect(text.split('\r\n').length).toBeGreaterThan(20);
		await context.close();
	});
});

describe('the funnel of a rate on the trends page', () => {
	it('places every township of the last period shown against the limits', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(
			`${inject('demoUrl')}/trends/?ind=checkup_rate&level=township&g=year&from=2024-01&to=2024-12`
		);
		const summary = page.getByTestId('funnel-outside');
		await summary.waitFor();
		await expect(page.locator('#funnel-title').innerText()).resolves.toContain('2024年');
		await expect(summary.innerText()).resolves.toMatch(/控制限以外|都在 95% 控制限以内/);
		// money is not a count of events: no funnel for the fee collection rate
		await page.selectOption('select[name=indicator]', 'fee_collection_rate');
		await page.waitForURL(/ind=fee_collection_rate/);
		await expect(page.getByTestId('funnel-outside').count()).resolves.toBe(0);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
