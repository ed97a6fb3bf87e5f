import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser';
import { LANGS, PHONE, withLang } from './pages';
import { truth } from './truth';
import { smallMultiplesHeight } from '../../src/lib/charts/small-multiples';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

/** Pages with the tables of unit names at their widest: townships and villages, in words. */
const TABLES = [
	'trends/?level=township&g=year',
	'trends/?level=village&scope=990101001',
	'rankings/',
	'cards/'
];

describe('on a phone (390 × 844)', () => {
	it('draws the small multiples in two columns (five on a desktop), one per township', async () => {
		const { page, context, errors } = await openPage(browser);
		const heightAt = async (width: number) => {
			await page.setViewportSize({ width, height: 844 });
			await page.goto(`${inject('nginxUrl')}/trends/?level=township`);
			await page.locator('details.in-words li').first().waitFor({ state: 'attached' });
			const panels = await page.locator('details.in-words li').count();
			const box = page.locator('section:has(details.in-words) .wrap').first();
			// the chart is as tall as its rows of panels
			await expect
				.poll(() => box.evaluate((e) => (e as HTMLElement).style.height))
				.toBe(smallMultiplesHeight(panels, width === PHONE.width ? 2 : 5));
			return panels;
		};
		expect(await heightAt(PHONE.width)).toBe(19);
		await heightAt(1280);
		expect(errors).toEqual([]);
		await context.close();
	});

	it.each(TABLES)(
		'/%s: a unit name in a table stays on one line (at most two), the table scrolls in its box',
		async (path) => {
			const names = new Set(
				(
					await truth<{ name: string }>(
						inject('demoExtracts'),
						`SELECT name FROM units WHERE level IN ('county', 'township', 'village')`
					)
				).map((u) => u.name)
			);
			const { page, context } = await openPage(browser);
			await page.setViewportSize(PHONE);
			for (const lang of LANGS) {
				await page.goto(`${inject('nginxUrl')}/${withLang(path, lang)}`);
				await page.locator('table tbody tr').first().waitFor();
				await page.waitForLoadState('networkidle');
				const cells = await page.evaluate(
					(known) =>
						// a cell's unit name is its link when it has one (the card matrix puts a 原因
						// button beside the name)
						[...document.querySelectorAll('main table tbody :is(td, th)')]
							.map((c) => c.querySelector('a') ?? c)
							.filter((c) => known.includes((c.textContent ?? '').trim()))
							.map((c) => {
								// the lines the name's own text takes, not the height of its row
								const tops = new Set<number>();
								const walk = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
								for (let n = walk.nextNode(); n; n = walk.nextNode()) {
									const range = document.createRange();
									range.selectNodeContents(n);
									for (const r of range.getClientRects()) if (r.width) tops.add(Math.round(r.top));
								}
								return { name: (c.textContent ?? '').trim(), lines: tops.size };
							}),
					[...names]
				);
				expect(cells.length, `${path} ${lang}`).toBeGreaterThan(3);
				const broken = cells.filter((c) => c.lines > 2).map((c) => c.name);
				expect(broken, `${path} ${lang}`).toEqual([]);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
					PHONE.width
				);
			}
			await context.close();
		}
	);
});
