import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatProblems } from '../../src/lib/format/audit';
import { launch, openPage, screenshot } from './browser';
import { LANGS, withLang } from './pages';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

/**
 * Pages at the selections that write the most kinds of numbers, with what shows that their
 * numbers (not only their frame) are on screen. Every page at its plain URL is checked the same
 * way in every-page.test.ts.
 */
const TILES = 'article.tile span.value:not(.loading)';
const PAGES: [path: string, ready: string | string[]][] = [
	['', ['section.cards li[data-code]', TILES]],
	['trends/?ind=fee_collection_rate&level=township&g=half', 'table.data tbody tr'],
	['trends/?ind=birth_rate&g=year', 'table.data tbody tr'],
	['rankings/?period=2024H1', 'table.ranking [data-interval]'],
	['cards/?period=2024', 'table.matrix tbody tr']
];

const url = (path: string, lang: (typeof LANGS)[number]) =>
	`${inject('demoUrl')}/${withLang(path, lang)}`;

async function open(
	page: Page,
	path: string,
	ready: string | string[],
	lang: (typeof LANGS)[number]
) {
	await page.goto(url(path, lang));
	for (const one of [ready].flat()) await page.locator(one).first().waitFor({ timeout: 45_000 });
}

describe('one way of writing periods, money, counts and changes on every page', () => {
	const cases = PAGES.flatMap(([path, ready]) =>
		(['zh', 'en'] as const).map((lang) => ({ lang, path, ready }))
	);
	it.each(cases)(
		'$lang /$path has no period, number or bracket written another way',
		async ({ lang, path, ready }) => {
			const { page, context, outside, errors } = await openPage(browser);
			await open(page, path, ready, lang);
			const text = await page.locator('main').innerText();
			expect(formatProblems(text, lang), url(path, lang)).toEqual([]);
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		}
	);

	it.each(['zh', 'en'] as const)(
		'%s: money in the trends table and tooltip carries its unit (万元 / 10k yuan)',
		async (lang) => {
			const { page, context } = await openPage(browser);
			await open(page, PAGES[1][0], PAGES[1][1], lang);
			const cells = await page
				.locator('table.data tbody tr')
				.evaluateAll((rows) =>
					rows.flatMap((r) => [...r.querySelectorAll('td.num')].slice(1).map((c) => c.textContent))
				);
			expect(cells.length).toBeGreaterThan(100);
			const unit = lang === 'zh' ? /\d(万元|元)$/ : /\d (10k yuan|yuan)$/;
			expect(cells.filter((c) => !unit.test(c ?? ''))).toEqual([]);
			const canvas = page.locator('section.chart canvas').first();
			const box = (await canvas.boundingBox())!;
			await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
			const tip = page.locator('section.chart div[style*="z-index"]').filter({ hasText: '%' });
			await tip.first().waitFor({ timeout: 5000 });
			const html = await tip.first().innerText();
			expect(html).toMatch(lang === 'zh' ? /万元/ : /10k yuan/);
			expect(formatProblems(html, lang)).toEqual([]);
			await context.close();
		}
	);

	it('a change shown as ±0 is no change: the value and last year read the same', async () => {
		const { page, context } = await openPage(browser);
		for (const period of ['2024-12YTD', '2024-06YTD', '2023-12YTD']) {
			await open(page, `?period=${period}`, TILES, 'zh');
			const tiles = await page.locator('article.tile').evaluateAll((all) =>
				all.map((t) => ({
					value: t.querySelector('.value')?.textContent?.trim(),
					yoy: t.querySelector('.yoy')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
				}))
			);
			expect(tiles.length).toBeGreaterThan(5);
			for (const t of tiles.filter((x) => x.yoy.includes('±0')))
				expect(t.yoy, period).toContain(`（${t.value}）`);
		}
		await context.close();
	});

	it('diagnostics follows ?lang=en and uses the site font', async () => {
		const { page, context } = await openPage(browser);
		await open(page, 'diagnostics/', '[data-count]', 'en');
		const text = await page.locator('main').innerText();
		expect(text).toContain('Diagnostics');
		// no Chinese left on the page but the Chinese switch in the header
		expect(text.match(/[\u4e00-\u9fff]+/g)).toBeNull();
		const font = (p: Page) => p.locator('main h1').evaluate((h) => getComputedStyle(h).fontFamily);
		const diagnostics = await font(page);
		await open(page, 'about/', 'main details', 'en');
		expect(diagnostics).toBe(await font(page));
		await context.close();
	});
});

/** Pixels of the chart canvas close to an RGB colour: the highlighted lines' own hues. */
const pixelsOf = (page: Page, rgb: [number, number, number]) =>
	page
		.locator('section.chart canvas')
		.first()
		.evaluate((c: HTMLCanvasElement, [r, g, b]) => {
			const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
			let n = 0;
			for (let i = 0; i < data.length; i += 4)
				if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) n++;
			return n;
		}, rgb);

describe('the trends chart highlights chosen units and greys the rest', () => {
	it('colours a unit chosen under the chart, keeps it in the URL, and lets it go', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		const blue: [number, number, number] = [0, 114, 178];
		await open(page, 'trends/?level=township&g=year', 'table.data tbody tr', 'zh');
		const buttons = page.locator('[role=group] button[data-code]');
		expect(await buttons.count()).toBe(19);
		// 19 townships and none chosen: all grey, no legend of 19 colours
		await expect.poll(() => pixelsOf(page, blue)).toBe(0);
		const first = buttons.nth(3);
		const code = (await first.getAttribute('data-code'))!;
		await first.click();
		await page.waitForURL(new RegExp(`hl=${code}`));
		await expect.poll(() => pixelsOf(page, blue)).toBeGreaterThan(200);
		expect(await first.getAttribute('aria-pressed')).toBe('true');
		expect(await buttons.nth(4).getAttribute('aria-pressed')).toBe('false');
		await screenshot(page, 'trends-highlight');
		// a shared link opens the same highlight
		await page.reload();
		await page.locator('table.data tbody tr').first().waitFor();
		expect(await page.locator(`button[data-code="${code}"]`).getAttribute('aria-pressed')).toBe(
			'true'
		);
		await expect.poll(() => pixelsOf(page, blue)).toBeGreaterThan(200);
		await page.locator(`button[data-code="${code}"]`).click();
		await page.waitForURL((u) => !u.search.includes('hl='));
		await expect.poll(() => pixelsOf(page, blue)).toBe(0);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
