import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

/** Every page a user can copy from the address bar, with parameters as the pages write them. */
const PAGES = [
	'',
	'trends/?ind=fee_collection_rate&level=township&g=year',
	'rankings/?period=2024H1&sort=score&desc=1',
	'cards/?period=2024',
	'explore/',
	'quality/',
	'bulletin/',
	'about/',
	'diagnostics/'
];

describe.each([
	['nginx, at the root', 'nginxUrl'],
	['nginx, under /kaoping/', 'nginxSubUrl'],
	['python3 -m http.server', 'pythonUrl']
] as const)('%s', (_name, key) => {
	it.each(PAGES)(
		'opens /%s by its URL, in Chinese and English, and after a reload',
		async (path) => {
			const base = inject(key);
			const { page, context, outside, errors } = await openPage(browser);
			for (const lang of ['', 'lang=en']) {
				const sep = path.includes('?') ? '&' : path.endsWith('/') || path === '' ? '?' : '?';
				const url = `${base}/${path}${lang ? sep + lang : ''}`;
				const response = await page.goto(url);
				expect(response?.status(), url).toBe(200);
				await page.locator('main h1').first().waitFor();
				const text = await page.locator('main').innerText();
				expect(text, url).not.toMatch(/404|Not Found/);
				await page.reload();
				await page.locator('main h1').first().waitFor();
				expect(new URL(page.url()).search).toBe(new URL(url).search);
			}
			if (key === 'nginxSubUrl' && path.startsWith('rankings/'))
				await screenshot(page, 'nginx-sub-rankings');
			expect(outside).toEqual([]);
			expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
			await context.close();
		}
	);

	it('a page without its trailing slash is redirected by the server, not lost', async () => {
		const base = inject(key);
		const { page, context } = await openPage(browser);
		const response = await page.goto(`${base}/rankings`);
		expect(response?.status()).toBe(200);
		await page.locator('table.ranking tbody tr').first().waitFor();
		await context.close();
	});
});
