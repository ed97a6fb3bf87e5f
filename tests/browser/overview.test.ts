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
		// in a reader's words, with what to do; the browser's own message only under 技术信息
		const alert = await page.getByRole('alert').innerText();
		expect(alert).toContain('分析引擎未能启动。已显示的数字仍然有效');
		expect(alert).toContain('请点“重试”');
		expect(alert).not.toMatch(/fetch|HTTP|wasm/i);
		await page.getByRole('alert').getByText('技术信息').click();
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(/fetch|wasm/i);
		await screenshot(page, 'overview-engine-failed');
		await context.close();
	});

	it('tells a reader whose browser cannot run the engine which browsers can, with no retry', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		// what DuckDB's feature check sees in a browser without WebAssembly exception handling
		await context.addInitScript(() => {
			WebAssembly.validate = () => false;
		});
		await page.goto(inject('demoUrl') + '/');
		await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor();
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.innerText()).toContain('这个浏览器太旧');
		expect(await alert.innerText()).toContain('Chrome、Edge 或 360 极速版 95 以上版本');
		expect(await alert.getByRole('button').count()).toBe(0);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
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

	it('keeps its first numbers when a later part cannot load, and says so where it would be', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		// the scripts the page names in its HTML load; every one asked for later (the carded
		// units', the engine's) fails, as after a half-finished copy of a new version
		const html = await (await fetch(inject('demoUrl') + '/')).text();
		const first = [...html.matchAll(/href="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
		expect(first.length).toBeGreaterThan(2);
		// (and SvelteKit's own error page, which it fetches at start without handling a failure)
		const loads = (url: string) => first.some((f) => url.endsWith(f)) || /\/nodes\/1\./.test(url);
		await context.route('**/_app/immutable/**/*.js', (route) =>
			loads(route.request().url()) ? route.fallback() : route.abort()
		);
		await page.goto(inject('demoUrl') + '/');
		await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor();
		const alerts = page.getByRole('alert');
		await expect
			.poll(() => alerts.allInnerTexts())
			.toEqual(expect.arrayContaining([expect.stringContaining('挂牌单位没有加载成功')]));
		expect(await page.locator('[data-indicator]').count()).toBeGreaterThan(8);
		await screenshot(page, 'overview-part-failed');
		expect(outside).toEqual([]);
		expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
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
