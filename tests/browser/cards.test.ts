import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assessCli as cli } from './assess-cli';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('三牌 cards', () => {
	it("counts the cards, and opens a card's reasons and history from the keyboard", async () => {
		const expected = cli('2024');
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/cards/?period=2024`);
		await page.locator('table.matrix tbody tr').first().waitFor();
		for (const card of ['red', 'black', 'yellow'])
			await expect(page.locator(`[data-count=${card}] b`).innerText()).resolves.toBe(
				String(expected.filter((u) => u.card === card).length)
			);
		const red = expected.find((u) => u.card === 'red')!;
		const button = page.locator(`table.matrix tr[data-code="${red.code}"] button.unit`);
		await button.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`open=${red.code}`));
		const detail = page.locator('#card-detail');
		await detail.waitFor();
		const text = await detail.innerText();
		expect(text).toContain('政策外多孩出生 1 例 ≥ 1 → 红牌');
		for (const reason of red.reasons) expect(text).toContain(reason);
		expect(text).toContain('2024年上半年'); // its history: the half-year check too
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
		await screenshot(page, 'cards');
		// the villages' cards of the county, and the consequences text of the scheme
		await page.locator('table.villages tbody tr').first().waitFor();
		await expect(page.locator('#consequences').locator('..').innerText()).resolves.toContain(
			'一票否决'
		);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('reads in English', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/cards/?period=2024&lang=en`);
		await page.locator('table.matrix tbody tr').first().waitFor();
		await expect(page.locator('h1').innerText()).resolves.toContain('Cards');
		await expect(page.locator('table.matrix').innerText()).resolves.toMatch(
			/Red card|Black card|Yellow card/
		);
		// the tiers by the scheme's English names, here and in the reasons
		const consequences = await page.locator('#consequences').locator('..').innerText();
		expect(consequences).toContain('Key rectification: Deposit');
		expect(consequences).not.toMatch(/优质服务先进|一类先进|重点整改/);
		const black = page.locator('table.matrix tbody tr', { hasText: '北关街道' });
		await black.getByRole('button').click();
		await expect
			.poll(() => page.locator('main').innerText())
			.toContain('tier "Key rectification" (rank');
		await screenshot(page, 'cards-en');
		expect(outside).toEqual([]);
		await context.close();
	});

	it("the overview lists this period's carded townships with their reasons", async () => {
		const expected = cli('2024-12YTD').filter((u) => u.card);
		const { page, context, outside } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/`);
		const items = page.locator('section.cards li');
		await items.first().waitFor();
		expect(await items.count()).toBe(expected.length);
		const text = await page.locator('section.cards').innerText();
		for (const u of expected) expect(text).toContain(u.name);
		expect(text).toContain('政策外多孩出生 1 例 ≥ 1 → 红牌');
		expect(outside).toEqual([]);
		await context.close();
	});
});
