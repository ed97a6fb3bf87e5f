import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const tileValue = (page: import('playwright-core').Page, id: string) =>
	page.locator(`[data-indicator=${id}] .value`).innerText();

describe('overview', () => {
	it('shows the county tiles before the engine arrives, each rate with the counts behind it', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		// no engine at all: the first numbers must come from the precomputed results
		await context.route('**/*.wasm', (r) => r.abort());
		await page.goto(inject('demoUrl') + '/');
		const [t] = await truth<{ inp: number; births: number; users: number; women: number }>(
			inject('demoExtracts'),
			// matched by hand: only village-months that reported both counts (both stocks at December)
			`SELECT sum(births_in_policy) FILTER (WHERE births_in_policy IS NOT NULL AND births_total IS NOT NULL) AS inp,
			   sum(births_total) FILTER (WHERE births_in_policy IS NOT NULL AND births_total IS NOT NULL) AS births,
			   sum(contraception_users) FILTER (WHERE month(period) = 12 AND contraception_users IS NOT NULL AND women_married_15_49 IS NOT NULL) AS users,
			   sum(women_married_15_49) FILTER (WHERE month(period) = 12 AND contraception_users IS NOT NULL AND women_married_15_49 IS NOT NULL) AS women
			 FROM village_month WHERE year(period) = 2024`
		);
		expect(await tileValue(page, 'policy_compliance_rate')).toBe(pct((t.inp / t.births) * 100));
		const fraction = await page
			.locator('[data-indicator=policy_compliance_rate] .fraction')
			.innerText();
		expect(fraction).toContain(
			`政策内出生 ${t.inp.toLocaleString('en')} / 出生人数 ${t.births.toLocaleString('en')}`
		);
		// a stock at period end (December), not summed over the months
		expect(await tileValue(page, 'contraceptive_prevalence')).toBe(pct((t.users / t.women) * 100));
		// January to December is written as the year, as on every other page
		const title = await page.locator('h1').innerText();
		expect(title).toMatch(/· 2024年$/);
		expect(title).not.toContain('1-12月');
		await screenshot(page, 'overview');
		expect(outside).toEqual([]);
		// only the refused engine downloads may fail; nothing may go unhandled
		expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
		await expect(page.getByRole('alert').innerText()).resolves.toContain('分析引擎未能启动');
		await context.close();
	});

	it('computes a period nobody precomputed once DuckDB is ready', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/?period=2023Q2');
		const [t] = await truth<{ done: number; due: number }>(
			inject('demoExtracts'),
			`SELECT sum(checkups_done) AS done, sum(checkups_due) AS due FROM village_month
			 WHERE period BETWEEN '2023-04-01' AND '2023-06-01' AND checkups_done IS NOT NULL AND checkups_due IS NOT NULL`
		);
		await page.locator('[data-indicator=checkup_rate] .value').waitFor();
		expect(await tileValue(page, 'checkup_rate')).toBe(pct((t.done / t.due) * 100));
		expect(await page.locator('select[name=period]').inputValue()).toBe('2023Q2');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to English and back, keeping the period', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/?period=2023Q2');
		await page.getByRole('link', { name: 'English' }).click();
		await page.waitForURL(/lang=en/);
		expect(page.url()).toContain('period=2023Q2');
		await expect(page.locator('nav').innerText()).resolves.toContain('Overview');
		await expect(
			page.locator('[data-indicator=policy_compliance_rate] h3').innerText()
		).resolves.toBe('Policy compliance rate');
		await expect(page.locator('h1').innerText()).resolves.toContain('Q2 2023');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await screenshot(page, 'overview-en');
		await page.getByRole('link', { name: '中文' }).click();
		await page.waitForURL((u) => !u.search.includes('lang=en'));
		await expect(page.locator('nav').innerText()).resolves.toContain('总览');
		expect(outside).toEqual([]);
		await context.close();
	});
});
