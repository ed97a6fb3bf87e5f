import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';

/**
 * Requests matching `pattern` wait until the returned function is called: a slow county link for
 * one kind of file, released when the test says.
 */
async function holdBack(context: BrowserContext, pattern: string): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	await context.route(pattern, async (route) => {
		await released;
		await route.fallback();
	});
	return release;
}

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

describe('while the engine loads', () => {
	it.each([
		['zh', '', '引擎加载中……', '计算中'],
		['en', '?lang=en', 'Loading the query engine…', 'computing']
	])(
		'(%s) every overview tile and the cards panel say they wait for it after a period change',
		async (lang, param, message, computing) => {
			const { page, context, outside, errors } = await openPage(browser);
			// a slow county link: the engine's wasm arrives only when the test lets it
			const release = await holdBack(context, '**/*duckdb-eh*.wasm');
			await page.goto(`${inject('demoUrl')}/${param}`);
			const tiles = page.locator('article[data-indicator]');
			// the precomputed first numbers, with their sparklines
			await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor();
			const count = await tiles.count();
			expect(count).toBeGreaterThan(8);
			expect(await page.locator('article[data-indicator] svg.spark').count()).toBeGreaterThan(0);

			await page.selectOption('select[name=period-kind]', 'quarter');
			await page.waitForURL(/period=2024Q4/);
			await expect.poll(() => page.locator('[data-waiting=engine]').count()).toBe(count + 1);
			for (const text of await tiles.allInnerTexts()) {
				expect(text).toContain(message);
				expect(text).not.toContain('—');
			}
			// nothing of the previous period stays under the new title
			expect(await page.locator('article[data-indicator] svg.spark').count()).toBe(0);
			expect(await page.locator('section.cards li').count()).toBe(0);
			await expect(page.locator('section.cards').innerText()).resolves.toContain(message);
			await screenshot(page, `overview-waiting-engine-${lang}`);

			release();
			await page.locator('[data-indicator=policy_compliance_rate] .value[data-value]').waitFor({
				timeout: 120_000
			});
			await expect.poll(() => page.locator('[data-waiting]').count()).toBe(0);
			const after = await page.locator('main').innerText();
			expect(after).not.toContain(message);
			expect(after).not.toContain(computing);
			expect(await page.locator('article[data-indicator] svg.spark').count()).toBeGreaterThan(0);
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		},
		180_000
	);

	it.each([
		['trends', 'trends/?level=township&from=2023-01&to=2024-06', '.chart [role=status]'],
		['rankings', 'rankings/?period=2024H1', 'main [role=status]']
	])(
		'the %s page says it waits for the engine, not that it computes',
		async (_name, path, status) => {
			const { page, context, outside, errors } = await openPage(browser);
			const release = await holdBack(context, '**/*duckdb-eh*.wasm');
			// not a precomputed view: it needs the engine
			await page.goto(`${inject('demoUrl')}/${path}`);
			await expect
				.poll(() => page.locator(status).first().innerText(), { timeout: 60_000 })
				.toContain('引擎加载中');
			release();
			await expect
				.poll(() => page.locator('main').innerText(), { timeout: 120_000 })
				.not.toContain('引擎加载中');
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		},
		180_000
	);

	it('starts the manifest, the configuration, the first results and the engine’s worker and wasm before the app’s scripts, and asks for each once', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		// the app's JavaScript held back: what is requested meanwhile comes from the page itself
		const release = await holdBack(context, '**/_app/immutable/{entry,nodes,chunks}/*.js');
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		const data = (name: RegExp) => requested.filter((p) => name.test(p));
		await page.goto(`${inject('demoUrl')}/`, { waitUntil: 'commit' });
		await expect
			.poll(() => data(/\/data\/(config|precomputed|precomputed-more)-[0-9a-f]+\.json$/).length)
			.toBe(3);
		expect(data(/\/data\/manifest\.json$/)).toHaveLength(1);
		await expect.poll(() => data(/duckdb-eh\.[^/]+\.wasm$/).length).toBe(1);
		expect(data(/duckdb-module-worker-[^/]+\.js$/)).toHaveLength(1);
		release();
		await page.locator('[data-indicator] .value[data-value]').first().waitFor();
		await page.waitForFunction(() => performance.getEntriesByName('kp:engine-ready').length > 0);
		// the app took those responses over rather than asking again
		for (const name of [
			/manifest\.json$/,
			/\/config-/,
			/\/precomputed-[0-9a-f]+\.json$/,
			/\/precomputed-more-/,
			/duckdb-eh\.[^/]+\.wasm$/,
			// the worker boot.js started is the one the app uses: no second engine
			/duckdb-module-worker-[^/]+\.js$/,
			/duckdb-browser-eh\.worker\.[^/]+\.js$/
		])
			expect(data(name), String(name)).toHaveLength(1);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	}, 120_000);
});
