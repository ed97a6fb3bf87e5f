import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { HOSTILE_COUNTY, HOSTILE_NAME } from './site';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const xss = (page: import('playwright-core').Page) =>
	page.evaluate(() => ({
		flag: (window as unknown as { __xss?: number }).__xss ?? null,
		imgs: document.querySelectorAll('img[src="x"]').length
	}));

describe('untrusted unit names', () => {
	it('show as text in the title, legend, tooltip and table, and run nothing', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(inject('hostileUrl') + '/');
		await expect(page.locator('h1').innerText()).resolves.toContain(HOSTILE_COUNTY);
		await page.goto(inject('hostileUrl') + '/trends/?level=township&g=month');
		const cell = page.locator('table.data tbody td', { hasText: HOSTILE_NAME }).first();
		await cell.waitFor();
		expect(await cell.innerText()).toBe(HOSTILE_NAME);
		const canvas = page.locator('section.chart canvas').first();
		const box = (await canvas.boundingBox())!;
		for (const x of [0.2, 0.5, 0.8])
			await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.5);
		const tooltip = page.locator('section.chart div[style*="z-index"]').filter({ hasText: '<img' });
		await tooltip.first().waitFor({ timeout: 5000 });
		expect(await tooltip.first().innerText()).toContain(HOSTILE_NAME);
		await screenshot(page, 'hostile-names');
		expect(await xss(page)).toEqual({ flag: null, imgs: 0 });
		expect(outside).toEqual([]);
		await context.close();
	});
});
