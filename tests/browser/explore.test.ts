import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readXlsx } from '../../src/cli/io/xlsx-read';
import { launch, openPage, screenshot } from './browser';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const VIEW =
	'/explore/?f=policy_compliance_rate,checkup_rate,m.pop_total&g=year&from=2023-01&to=2023-12';
const lines = (page: Page) => page.locator('table.pivot tbody tr');
const cellsOf = async (page: Page) =>
	lines(page).evaluateAll((trs) =>
		trs.map((tr) =>
			[...tr.querySelectorAll('th, td')].map((c) =>
				(c as HTMLElement).innerText.replace(/[✓✗]$/, '').trim()
			)
		)
	);
/** A screen number as the files give it: 92.40% → 92.4, 3,110 → 3110. */
const num = (text: string) => Number(text.replace(/[,%‰]/g, ''));

describe('数据探索 pivot', () => {
	it('gives each township and the totals line the numbers of an independent SQL', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('nginxUrl') + VIEW);
		await lines(page).first().waitFor();
		const towns = await truth<{ code: string; inp: number; births: number; pop: number }>(
			inject('demoExtracts'),
			`SELECT v.township_code AS code,
			   sum(births_in_policy) FILTER (WHERE births_in_policy IS NOT NULL AND births_total IS NOT NULL) AS inp,
			   sum(births_total) FILTER (WHERE births_in_policy IS NOT NULL AND births_total IS NOT NULL) AS births,
			   sum(pop_total) FILTER (WHERE period = '2023-12-01') AS pop
			 FROM village_month v WHERE year(period) = 2023 GROUP BY ALL ORDER BY code`
		);
		for (const t of towns.slice(0, 4)) {
			const text = await page.locator(`tr[data-key="${t.code}|*"]`).innerText();
			expect(text).toContain(pct((t.inp / t.births) * 100));
			expect(text).toContain(t.pop.toLocaleString('en'));
		}
		const sum = (k: 'inp' | 'births' | 'pop') => towns.reduce((s, t) => s + t[k], 0);
		const total = await page.locator('tr.total').innerText();
		expect(total).toContain('合计');
		// Σ numerators / Σ denominators, not the mean of the townships' rates
		expect(total).toContain(pct((sum('inp') / sum('births')) * 100));
		const mean = towns.reduce((s, t) => s + (t.inp / t.births) * 100, 0) / towns.length;
		expect(pct(mean)).not.toBe(pct((sum('inp') / sum('births')) * 100));
		expect(total).toContain(sum('pop').toLocaleString('en'));
		// the trends table shows the county's own rate for 2023: the same number
		const trends = await context.newPage();
		await trends.goto(`${inject('nginxUrl')}/trends/?g=year&from=2023-01&to=2023-12`);
		const row = trends.locator('table.data tbody tr').first();
		await row.waitFor();
		expect(await row.innerText()).toContain(pct((sum('inp') / sum('births')) * 100));
		await page.setViewportSize({ width: 1366, height: 900 });
		await screenshot(page, 'explore-zh-1366');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is built through the controls, kept in the URL, and a reload opens the same pivot', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('nginxUrl') + '/explore/');
		await lines(page).first().waitFor();
		await page.locator('input[name=field][value="m.births_total"]').check();
		await page.waitForURL(/m\.births_total/);
		await page.locator('input[name=counts]').check();
		await page.waitForURL(/n=1/);
		await page.selectOption('select[name=granularity]', 'month');
		await page.waitForURL(/g=month/);
		await page.locator('input[name=rows][value=both]').check();
		await page.waitForURL(/rows=both/);
		// sort by the first rate, from the keyboard
		const header = page.locator('th[data-key="f:policy_compliance_rate"] button');
		await header.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/sort=f%3Apolicy_compliance_rate/);
		await expect(
			page.locator('th[data-key="f:policy_compliance_rate"]').getAttribute('aria-sort')
		).resolves.toBe('descending');
		await page.waitForFunction(
			() => !document.querySelector('[data-testid=pivot-status]')?.textContent?.trim()
		);
		const before = await cellsOf(page);
		expect(before.at(-1)![0]).toBe('合计');
		const values = before
			.slice(0, -1)
			.map((r) => r[2])
			.filter((v) => v !== '—')
			.map(num);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		const url = page.url();
		await page.reload();
		await lines(page).first().waitFor();
		await page.waitForFunction(
			(n) => document.querySelectorAll('table.pivot tbody tr').length === n,
			before.length
		);
		expect(await cellsOf(page)).toEqual(before);
		expect(page.url()).toBe(url);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('exports CSV and XLSX with the numbers on the screen', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('nginxUrl') + VIEW + '&n=1');
		await lines(page).first().waitFor();
		const screen = await cellsOf(page);
		const [csvFile] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出CSV' }).click()
		]);
		expect(csvFile.suggestedFilename()).toBe('数据探索_2023-01_2023-12.csv');
		const csv = readFileSync((await csvFile.path())!, 'utf8');
		expect(csv.startsWith('\uFEFF单位,政策符合率,')).toBe(true);
		const csvRows = csv
			.trim()
			.split('\r\n')
			.slice(1)
			.map((l) => l.split(','));
		const [xlsxFile] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出Excel' }).click()
		]);
		expect(xlsxFile.suggestedFilename()).toBe('数据探索_2023-01_2023-12.xlsx');
		const book = readXlsx(new Uint8Array(readFileSync((await xlsxFile.path())!)));
		expect(book.rows[0].cells[0]).toMatch(
			/^数据探索：乡镇 × 单位，2023年1月至2023年12月（按年）；数据集 .*；考核方案：/
		);
		const xlsxRows = book.rows.slice(2).map((r) => r.cells);
		expect(csvRows).toHaveLength(screen.length);
		expect(xlsxRows).toHaveLength(screen.length);
		screen.forEach((line, i) => {
			expect(csvRows[i][0]).toBe(line[0]);
			expect(xlsxRows[i][0]).toBe(line[0]);
			for (let j = 1; j < line.length; j++) {
				if (line[j] === '—') {
					expect(csvRows[i][j]).toBe('');
					continue;
				}
				// the rates on screen have two decimals; the files keep two more
				expect(Number(csvRows[i][j])).toBeCloseTo(num(line[j]), 2);
				expect(Number(xlsxRows[i][j])).toBeCloseTo(num(line[j]), 2);
			}
		});
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('reads in English and on a phone', async () => {
		const { page, context, outside, errors } = await openPage(browser, { locale: 'en-US' });
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(
			inject('nginxUrl') + VIEW.replace('g=year', 'g=quarter') + '&lang=en&cols=periods'
		);
		await lines(page).first().waitFor();
		await expect(page.locator('tr.total').innerText()).resolves.toMatch(/^Total/);
		await expect(page.locator('table.pivot thead').innerText()).resolves.toContain('Q1 2023');
		await page.locator('section.chart canvas').first().waitFor();
		await screenshot(page, 'explore-en-1366');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.waitForTimeout(300);
		await screenshot(page, 'explore-en-390');
		await page.goto(inject('nginxUrl') + VIEW);
		await lines(page).first().waitFor();
		await page.locator('section.chart canvas').first().waitFor();
		await screenshot(page, 'explore-zh-390');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
