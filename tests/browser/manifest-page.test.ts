import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('extract list page', () => {
	it('lists the extracts named by the manifest, requesting nothing outside the origin', async () => {
		const { page, outside, errors, context } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/');
		await page.getByRole('table').waitFor();
		const rows = await page.locator('tbody tr').count();
		expect(rows).toBe(19 + 5);
		await expect(page.locator('body').innerText()).resolves.toContain('19 个乡镇');
		await screenshot(page, 'manifest-list');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('explains how to build data when the data folder is empty', async () => {
		const { page, outside, context } = await openPage(browser);
		await page.goto(inject('emptyUrl') + '/');
		await page.getByRole('alert').waitFor();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('npx kaoping build');
		await screenshot(page, 'no-data');
		expect(outside).toEqual([]);
		await context.close();
	});
});
