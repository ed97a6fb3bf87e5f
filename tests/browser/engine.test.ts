import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withVillageIndex, type Manifest, type VillageIndex } from '../../src/lib/extract/schema';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('diagnostics page (DuckDB-WASM in the browser)', () => {
	it('loads the engine and the extracts offline, with the manifest row counts', async () => {
		const base = inject('demoUrl');
		const first = (await (await fetch(`${base}/data/manifest.json`)).json()) as Manifest;
		const index = (await (
			await fetch(`${base}/data/${first.villages.file}`)
		).json()) as VillageIndex;
		// every file of the set: the village files are listed in the index the manifest names
		const manifest = withVillageIndex(first, index);
		const { page, outside, errors, context } = await openPage(browser);
		await page.goto(`${base}/diagnostics/`);
		const status = page.getByTestId('engine-status');
		await expect
			.poll(() => status.getAttribute('data-status'), { timeout: 45_000 })
			.toMatch(/ready|error/);
		expect(await page.locator('[role=alert]').allInnerTexts()).toEqual([]);
		expect(await status.getAttribute('data-status')).toBe('ready');
		await expect(page.getByTestId('version').innerText()).resolves.toMatch(/^v\d+\.\d+\.\d+/);

		// the query check: one township's village file, counted by DuckDB
		const village = manifest.extracts.find((e) => e.name === 'village_month')!;
		const count = page.locator('[data-count]');
		await count.waitFor({ timeout: 20_000 });
		expect(Number(await count.getAttribute('data-count'))).toBe(village.rows);

		const expected: Record<string, number> = {};
		for (const e of manifest.extracts)
			if (e.name !== 'village_month' || e.township_code === village.township_code)
				expected[e.name] = (expected[e.name] ?? 0) + e.rows;
		const shown = await page
			.locator('[data-table]')
			.evaluateAll((rows) =>
				Object.fromEntries(
					rows.map((r) => [r.getAttribute('data-table'), Number(r.getAttribute('data-rows'))])
				)
			);
		expect(shown).toEqual(expected);

		// the benchmark reads this mark
		const marks = await page.evaluate(() =>
			performance.getEntriesByName('kp:engine-ready').map((m) => m.startTime)
		);
		expect(marks).toHaveLength(1);

		// DuckDB opens before the Parquet decoder's wasm is compiled (on two cores the decoder beside
		// it slowed it down); the township table is loaded after ready, which does not wait for it
		const schedule = await page.evaluate(() => {
			const compile = performance.getEntriesByName('kp:decoder-compile')[0]?.startTime;
			const { timings } = (window as unknown as { kpEngine: { timings: Record<string, number> } })
				.kpEngine;
			return { compile, open: timings.engine_ready, timings };
		});
		expect(schedule.compile).toBeGreaterThanOrEqual(schedule.open - 1);
		expect(schedule.timings['inserted:township_month']).toBeGreaterThan(schedule.timings.ready);
		expect(schedule.timings.tables_in).toBeGreaterThanOrEqual(
			schedule.timings['inserted:township_month']
		);

		// an ad-hoc query through the form: DuckDB's error message comes back, then a result
		await page.getByLabel('SQL').fill('SELECT * FROM no_such_table');
		await page.getByRole('button', { name: /运行/ }).click();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('no_such_table');
		await page
			.getByLabel('SQL')
			.fill("SELECT sum(CASE WHEN level = 'township' THEN 1 ELSE 0 END) AS n FROM units");
		await page.getByRole('button', { name: /运行/ }).click();
		const townships = manifest.counts.townships;
		await expect
			.poll(() => page.locator('main table').last().innerText())
			.toContain(String(townships));

		// two concurrent ensure() for one township fetch its file once; an unknown one is named
		const second = manifest.extracts.filter((e) => e.name === 'village_month')[1];
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		const after = await page.evaluate(`(async () => {
			const e = window.kpEngine;
			const need = { tables: ['village_month'], townships: [${JSON.stringify(second.township_code)}] };
			await Promise.all([e.ensure(need), e.ensure(need)]);
			const bad = await e.ensure({ tables: [], townships: ['000000000'] }).then(() => '', (x) => x.message);
			const sums = await e.query('SELECT sum(fee_collected) AS fee, count(*) AS n FROM county_month');
			const types = sums.schema.fields.map((f) => String(f.type));
			return { status: e.status(), bad, types };
		})()`);
		expect(requested.filter((u) => u.endsWith(second.file))).toHaveLength(1);
		expect(after).toMatchObject({
			status: {
				tables: { village_month: village.rows + second.rows },
				townships: [village.township_code, second.township_code]
			},
			bad: expect.stringContaining('unknown township 000000000'),
			// decimals and 64-bit integers arrive as doubles, as from the Node connector
			types: ['Float64', 'Float64']
		});

		await screenshot(page, 'diagnostics');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says what is wrong when there is no data', async () => {
		const { page, outside, context } = await openPage(browser);
		await page.goto(`${inject('emptyUrl')}/diagnostics/`);
		await expect
			.poll(() => page.getByTestId('engine-status').getAttribute('data-status'))
			.toBe('error');
		await expect(page.getByRole('alert').innerText()).resolves.toContain('manifest.json');
		await screenshot(page, 'diagnostics-no-data');
		expect(outside).toEqual([]);
		await context.close();
	});
});
