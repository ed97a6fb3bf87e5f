import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { SCHEMA_VERSION } from '../../src/lib/extract/schema';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('when the data cannot be shown', () => {
	it('explains how to build data when the data folder is empty', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(inject('emptyUrl') + '/trends/');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.innerText()).resolves.toContain('npx kaoping build --input');
		await screenshot(page, 'no-data');
		expect(outside).toEqual([]);
		await context.close();
	});

	it('refuses an extract set of another schema version, naming both versions', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(inject('futureUrl') + '/');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.innerText()).resolves.toMatch(
			new RegExp(`数据版本 99 与本站 ${SCHEMA_VERSION} 不符`)
		);
		await context.close();
	});

	it('lists the extracts named by the manifest on the About page', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(inject('demoUrl') + '/about/');
		await page.locator('details summary').click();
		// five tables, and one row for the 19 township village files the village index lists
		await expect(page.locator('details tbody tr').count()).resolves.toBe(5 + 1);
		await expect(page.locator('details summary').innerText()).resolves.toContain('24');
		await expect(page.locator('details tbody tr').last().innerText()).resolves.toMatch(
			/village_month\s+每乡镇一个文件，共 19 个.*\s+villages-\w+\.json/s
		);
		await expect(page.locator('main').innerText()).resolves.toContain('政策符合率');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('a damaged data file', () => {
	it('is named, with what to do, and no number from it is shown', async () => {
		const { page, context, outside } = await openPage(browser);
		// 64 bytes flipped in the middle of township_month, as a bad copy would leave them
		await context.route('**/township_month-*.parquet?v=*', async (route) => {
			const response = await route.fetch();
			const body = Buffer.from(await response.body());
			for (let i = 0; i < 64; i++) body[(body.length >> 1) + i] ^= 0xff;
			await route.fulfill({ response, body });
		});
		await page.goto(`${inject('demoUrl')}/trends/?level=township&g=year`);
		const alert = page.getByRole('alert');
		await alert.waitFor({ timeout: 30_000 });
		await expect(alert.innerText()).resolves.toMatch(
			/数据文件已损坏[\s\S]*township_month-[0-9a-f]+\.parquet[\s\S]*重新拷贝整个 data 文件夹/
		);
		expect(await page.locator('table.data').count()).toBe(0);
		await screenshot(page, 'corrupt-file');
		expect(outside).toEqual([]);
		await context.close();
	});

	it('stops the page, naming it, when it is the compiled configuration', async () => {
		const { page, context, outside } = await openPage(browser);
		// valid JSON with one weight changed: only the manifest's sha256 can tell
		await context.route('**/config-*.json?v=*', async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace('"weight":', '"weight":9');
			await route.fulfill({ response, body });
		});
		await page.goto(`${inject('demoUrl')}/rankings/`);
		const alert = page.getByRole('alert');
		await alert.waitFor({ timeout: 30_000 });
		await expect(alert.innerText()).resolves.toMatch(
			/数据文件已损坏[\s\S]*config-[0-9a-f]+\.json[\s\S]*重新拷贝整个 data 文件夹/
		);
		expect(await page.locator('table.data').count()).toBe(0);
		expect(outside).toEqual([]);
		await context.close();
	});
});
