import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser';
import { EVERY_PAGE, LANGS, openLoaded } from './pages';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('what colour and pictures say is also in words', () => {
	it('each overview tile with a target says 达标 or 未达标 beside its coloured border', async () => {
		const { page, context } = await openPage(browser);
		for (const lang of LANGS) {
			await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[0], lang);
			const met = page.locator('article.tile.met .verdict');
			const missed = page.locator('article.tile.missed .verdict');
			expect(await met.count()).toBeGreaterThan(0);
			expect(await missed.count()).toBeGreaterThan(0);
			expect(await met.count()).toBe(await page.locator('article.tile.met').count());
			expect(await missed.count()).toBe(await page.locator('article.tile.missed').count());
			const words =
				lang === 'zh' ? /^(达标|在目标区间内)$/ : /^(Target met|Within the target band)$/;
			const no =
				lang === 'zh' ? /^(未达标|超出目标区间)$/ : /^(Target missed|Outside the target band)$/;
			for (const text of await met.allInnerTexts()) expect(text).toMatch(words);
			for (const text of await missed.allInnerTexts()) expect(text).toMatch(no);
		}
		await context.close();
	});

	it("a sparkline's text names every year's value, ending with the tile's own", async () => {
		const { page, context } = await openPage(browser);
		await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[0], 'zh');
		const tile = page.locator('[data-indicator=policy_compliance_rate]');
		const value = await tile.locator('.value').innerText();
		const label = (await tile.locator('svg.spark').getAttribute('aria-label'))!;
		const points = (await tile.locator('svg.spark path').getAttribute('d'))!.match(/[ML]/g)!;
		expect(label).toMatch(new RegExp(`^\\d{4}年.*各年同期：.*${value.replace('.', '\\.')}$`));
		expect(label.split('，')).toHaveLength(points.length);
		await context.close();
	});

	it("the small multiples are listed in words: each township's lowest quarter as DuckDB computes it", async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/trends/?level=township`);
		const lines = page.locator('details.in-words li');
		await lines.first().waitFor({ state: 'attached' });
		const lows = await truth<{ name: string; low: number }>(
			inject('demoExtracts'),
			`SELECT name, min(v) AS low FROM (
			   SELECT u.name, sum("policy_compliance_rate.num") / sum("policy_compliance_rate.den") * 100 AS v
			   FROM township_month t JOIN units u USING (code)
			   GROUP BY u.name, year(period), quarter(period)) GROUP BY name`
		);
		expect(await lines.count()).toBe(lows.length);
		for (const { name, low } of lows) {
			const line = await lines.filter({ hasText: `${name}：` }).textContent();
			expect(line).toContain(`最低 ${pct(low)}`);
		}
		await context.close();
	});
});

describe('selects and the history', () => {
	it('arrow keys through a select make one history entry, and Back returns to the start', async () => {
		const { page, context } = await openPage(browser);
		await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[1], 'zh');
		const before = await page.evaluate(() => history.length);
		const select = page.locator('select[name=granularity]');
		await select.focus();
		for (const g of ['half', 'year', 'ytd']) {
			await page.keyboard.press('ArrowDown');
			await page.waitForURL(new RegExp(`g=${g}`));
		}
		expect(await page.evaluate(() => history.length)).toBe(before + 1);
		expect(await select.inputValue()).toBe('ytd');
		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('g='));
		expect(await select.inputValue()).toBe('quarter');
		// a deliberate second choice, after a pause, is its own step back
		await page.waitForTimeout(1100);
		await page.selectOption('select[name=granularity]', 'month');
		await page.waitForURL(/g=month/);
		await page.waitForTimeout(1100);
		await page.selectOption('select[name=granularity]', 'year');
		await page.waitForURL(/g=year/);
		await page.goBack();
		await page.waitForURL(/g=month/);
		await context.close();
	});
});
