import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { startNginx, type Nginx } from './nginx';
import { deploySite } from './site';

let browser: Browser;
const servers: Nginx[] = [];
beforeAll(async () => void (browser = await launch()));
afterAll(async () => {
	await browser?.close();
	await Promise.all(servers.map((s) => s.stop()));
});

const engineReady = (page: Page) =>
	page.waitForFunction(() => performance.getEntriesByName('kp:engine-ready').length > 0, null, {
		timeout: 120_000
	});

describe('precompressed assets on nginx with gzip_static', () => {
	it('sends the engine as its .gz and a first visit stays under 12 MB', async () => {
		const root = deploySite('nginx-gzip', inject('demoExtracts'));
		const nginx = await startNginx(root, 'gzip', { compress: true });
		servers.push(nginx);
		const { page, context, outside, errors } = await openPage(browser);
		const before = nginx.served().length;
		await page.goto(nginx.url + '/');
		await page.locator('[data-indicator=policy_compliance_rate] .value').waitFor();
		// the village index is for views of villages: never on the way to the first numbers
		const paths = () => nginx.served().map((r) => r.path);
		expect(paths().filter((u) => /\/villages-\w+\.json/.test(u))).toEqual([]);
		await engineReady(page);
		// what nginx sent the page and its workers, the engine's wasm from DuckDB's worker included
		const visit = nginx.served().slice(before);
		const firstVisit = visit.reduce((n, r) => n + r.bytes, 0);
		// a period nobody precomputed: the engine, running from the .gz it was sent, answers it
		await page.goto(nginx.url + '/?period=2023Q2');
		await expect(page.locator('[data-indicator=checkup_rate] .value').innerText()).resolves.toMatch(
			/^\d+\.\d+%$/
		);

		const assets = join(root, '_app/immutable/assets');
		const wasm = readdirSync(assets).find((f) => /^duckdb-eh\..*\.wasm$/.test(f))!;
		const sent = visit.filter((r) => r.path.endsWith(wasm));
		// once in the first visit: the worker boot.js started is the engine the app uses
		expect(sent).toHaveLength(1);
		expect(sent[0].encoding, sent[0].path).toBe('gzip');
		// the precompressed file itself, not nginx compressing on the fly (which sends no length)
		expect(Number(sent[0].length)).toBe(statSync(join(assets, `${wasm}.gz`)).size);
		console.log(`first visit with gzip_static: ${(firstVisit / 1e6).toFixed(2)} MB on the wire`);
		expect(firstVisit).toBeLessThan(12e6);
		expect(firstVisit).toBeGreaterThan(5e6);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('the monthly data swap', () => {
	it('a browser that saw last month’s data shows this month’s on the next visit', async () => {
		const root = deploySite('nginx-swap', inject('demoExtracts'));
		const data = join(root, 'data');
		// last month's files, long unchanged: without Cache-Control, nginx's Last-Modified lets the
		// browser reuse them for weeks (heuristic freshness: a tenth of their age)
		const old = new Date('2020-01-01T00:00:00Z');
		const touch = (dir: string) => {
			for (const f of readdirSync(dir, { withFileTypes: true }))
				if (f.isDirectory()) touch(join(dir, f.name));
				else utimesSync(join(dir, f.name), old, old);
		};
		touch(data);
		const nginx = await startNginx(root, 'swap');
		servers.push(nginx);
		// Playwright's request routing (openPage) turns the browser cache off; this test needs it on
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		const outside: string[] = [];
		const errors: string[] = [];
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (url.hostname !== '127.0.0.1' && !['blob:', 'data:'].includes(url.protocol))
				outside.push(r.url());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
		await page.goto(nginx.url + '/');
		await expect(page.locator('h1').innerText()).resolves.toContain('南峪县');
		await engineReady(page);
		const plain = (file: string) =>
			page.evaluate((f) => fetch(`data/${f}`).then((r) => r.text()), file);
		const configFile: string = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')).config
			.compiled.file;
		// as a site without content versions would have asked for it
		await plain(configFile);

		// this month's set: the county renamed, and the configuration changed under its old name
		const manifestPath = join(data, 'manifest.json');
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		const configPath = join(data, manifest.config.compiled.file);
		const compiled = JSON.parse(readFileSync(configPath, 'utf8'));
		compiled.catalog.indicators[0].name.zh += '（2025-01 调整）';
		const text = JSON.stringify(compiled);
		writeFileSync(configPath, text);
		// its .gz/.br copies still hold last month's text (a real build rewrites them with it)
		rmSync(configPath + '.gz', { force: true });
		rmSync(configPath + '.br', { force: true });
		manifest.config.compiled.sha256 = createHash('sha256').update(text).digest('hex');
		manifest.config.compiled.bytes = Buffer.byteLength(text);
		manifest.counties[0].name = '南峪新县';
		writeFileSync(manifestPath, JSON.stringify(manifest));

		// the trap is real: the browser's cache still answers a plain request with last month's files
		const cached = [await plain('manifest.json'), await plain(configFile)];
		expect(cached[0].includes('南峪新县'), 'cached manifest').toBe(false);
		expect(cached[1].includes('2025-01 调整'), 'cached configuration').toBe(false);

		await page.goto(nginx.url + '/');
		await expect(page.locator('h1').innerText()).resolves.toContain('南峪新县');
		await engineReady(page);
		await expect(page.getByRole('alert').count()).resolves.toBe(0);
		await screenshot(page, 'transfer-after-swap');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
