import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assessCli } from './assess-cli';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('权重敏感性 weight sensitivity', () => {
	it("shows every township's rank range and tier stability, and how the last place could escape", async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		await page.locator('table.ranking tbody tr').first().waitFor();
		await page.getByRole('button', { name: '计算权重敏感性' }).click();
		const rows = page.locator('table.sensitivity tbody tr');
		await rows.first().waitFor();
		expect(await rows.count()).toBe(19);
		for (const r of await rows.all()) {
			const rank = Number(await r.locator('td.num').first().innerText());
			const [lo, hi] = (await r.locator('[data-range]').getAttribute('data-range'))!
				.split('-')
				.map(Number);
			expect(lo).toBeLessThanOrEqual(rank);
			expect(hi).toBeGreaterThanOrEqual(rank);
		}
		await expect(page.getByTestId('escapes').innerText()).resolves.toMatch(/白店镇/);
		await page.locator('table.sensitivity').scrollIntoViewIfNeeded();
		await screenshot(page, 'sensitivity');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('方案模拟 what-if', () => {
	it('recomputes ranks from cached values when a weight changes, keeps it in the URL, and exports a scheme kaoping assess reproduces', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		await page.locator('table.ranking tbody tr').first().waitFor();
		await page.locator('details.whatif summary').click();
		// fee collection nearly out, policy compliance weighing most: the ranks must move
		await page.fill('input[name="weight.fee_collection_rate"]', '1');
		await page.locator('input[name="weight.fee_collection_rate"]').dispatchEvent('change');
		// 86 in all now: an error, never silently rescaled, and no simulation yet
		await expect(
			page.locator('details.whatif [role=alert]').first().innerText()
		).resolves.toContain('86');
		expect(await page.locator('[data-whatif]').count()).toBe(0);
		await page.fill('input[name="weight.policy_compliance_rate"]', '34');
		await page.locator('input[name="weight.policy_compliance_rate"]').dispatchEvent('change');
		await page.waitForURL(/whatif=/);
		await page.locator('[data-whatif]').first().waitFor();
		const moved = await page
			.locator('[data-whatif]')
			.evaluateAll((els) =>
				els.map((e) => e.getAttribute('data-whatif')).filter((m) => m && m !== '–')
			);
		expect(moved.length).toBeGreaterThan(0);
		const ranks = async () =>
			page
				.locator('table.ranking tbody tr')
				.evaluateAll((rows) =>
					rows.map((r) => [r.getAttribute('data-code'), r.querySelector('.point')?.textContent])
				);
		const simulated = await ranks();
		await screenshot(page, 'whatif');
		// the shared link shows the same simulation
		const shared = page.url();
		const other = await context.newPage();
		await other.goto(shared);
		await other.locator('[data-whatif]').first().waitFor();
		expect(
			await other
				.locator('table.ranking tbody tr')
				.evaluateAll((rows) =>
					rows.map((r) => [r.getAttribute('data-code'), r.querySelector('.point')?.textContent])
				)
		).toEqual(simulated);
		// the downloaded scheme gives kaoping assess the same ranks
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载模拟方案（YAML）' }).click()
		]);
		const path = await download.path();
		expect(readFileSync(path, 'utf8')).toContain('weight: 34');
		const cli = assessCli('2024', '--scheme', path);
		expect(cli.map((u) => [u.code, String(u.rank)])).toEqual(simulated);
		// and back to the official scheme
		await page.getByRole('button', { name: '恢复官方方案' }).click();
		await page.waitForURL((u) => !u.search.includes('whatif='));
		expect(await page.locator('[data-whatif]').count()).toBe(0);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
