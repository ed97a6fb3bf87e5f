import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('numbers that say what stands behind them', () => {
	it('marks the coverage of a township with missing months in the trends table', async () => {
		// the township with the most village-months not reported in 2024, found independently
		const [t] = await truth<{ code: string; name: string; due: number; got: number }>(
			inject('demoExtracts'),
			`SELECT v.township_code AS code, u.name, count(*) AS due, sum(reports_received) AS got
			 FROM village_month v JOIN units u ON u.code = v.township_code
			 WHERE year(period) = 2024 GROUP BY ALL ORDER BY due - got DESC, code LIMIT 1`
		);
		expect(t.got).toBeLessThan(t.due);
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(
			`${inject('demoUrl')}/trends/?level=township&units=${t.code}&g=year&from=2024-01&to=2024-12`
		);
		const row = page.locator('table.data tbody tr', { hasText: t.name }).first();
		await row.waitFor();
		await expect(row.innerText()).resolves.toContain(`覆盖 ${t.got}/${t.due} 村·月`);
		await screenshot(page, 'trends-coverage');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('marks the first month of data, which has no opening population', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/?period=2019-01`);
		const tile = page.locator('[data-indicator=birth_rate]');
		await tile.locator('.first-month').waitFor();
		await expect(tile.innerText()).resolves.toContain('数据首月无期初人口');
		// a month later the opening stock is known
		await page.goto(`${inject('demoUrl')}/?period=2019-02`);
		await page.locator('[data-indicator=birth_rate] .value').waitFor();
		await expect(page.locator('[data-indicator=birth_rate] .first-month').count()).resolves.toBe(0);
		expect(outside).toEqual([]);
		await context.close();
	});

	it('a tile waiting for the engine says so, not "—"', async () => {
		const { page, context, outside } = await openPage(browser);
		// an engine still on its way: the precomputed default shows, and a new period waits for it
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		await context.route('**/*.wasm', async (r) => {
			await held;
			await r.continue().catch(() => {});
		});
		await page.goto(inject('demoUrl') + '/');
		await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor();
		await page.selectOption('select[name=period]', '2024-06YTD');
		await page.locator('[data-indicator=policy_compliance_rate] .value.loading').waitFor();
		await expect(
			page.locator('[data-indicator=policy_compliance_rate] .value').innerText()
		).resolves.toBe('引擎加载中……');
		await screenshot(page, 'overview-loading');
		release();
		await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor();
		expect(outside).toEqual([]);
		await context.close();
	});
});
