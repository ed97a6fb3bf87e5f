import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

/** Records every Content-Security-Policy violation of the page, from before its first script. */
async function watchViolations(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`)
		);
	});
	return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

const mark = (page: Page, name: string) =>
	page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
		timeout: 120_000
	});

describe('Content-Security-Policy', () => {
	it('is in every built page and stops a request to another origin before it leaves', async () => {
		const { page, context, outside } = await openPage(browser);
		const violations = await watchViolations(page);
		await page.goto(inject('nginxUrl') + '/');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy).toContain("default-src 'self'");
		expect(policy).toContain("connect-src 'self'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
		await mark(page, 'kp:engine-ready');
		expect(await violations()).toEqual([]);

		const result = await page.evaluate(() =>
			fetch('http://example.com/kaoping-leak').then(
				() => 'fetched',
				(e: Error) => `refused: ${e.message}`
			)
		);
		expect(result).toMatch(/^refused/);
		// refused by the policy itself: the request never reached the network, where the test's
		// guard (browser.ts) would have recorded and aborted it
		await expect.poll(violations).toEqual(['connect-src http://example.com/kaoping-leak']);
		expect(outside).toEqual([]);
		await context.close();
	});

	it.each([
		['', 'kp:engine-ready'],
		['trends/?ind=fee_collection_rate&level=township&g=year', 'kp:first-chart'],
		['rankings/?period=2024H1', 'kp:ranking'],
		['cards/?period=2024', null],
		['explore/', null],
		['quality/', null],
		['bulletin/', null],
		['about/', null],
		['diagnostics/?lang=en', null]
	])('/%s works under the policy without a violation', async (path, milestone) => {
		const { page, context, outside, errors } = await openPage(browser);
		const violations = await watchViolations(page);
		await page.goto(`${inject('nginxSubUrl')}/${path}`);
		await page.locator('main h1').first().waitFor();
		if (milestone) await mark(page, milestone);
		await page.waitForTimeout(1000);
		expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
		expect(await violations()).toEqual([]);
		expect(outside).toEqual([]);
		expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
		await context.close();
	});
});
