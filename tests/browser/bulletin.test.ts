import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Manifest } from '../../src/lib/extract/schema';
import { formatDate } from '../../src/lib/format';
import { assessCli } from './assess-cli';
import { launch, openPage, screenshot } from './browser';
import { onOneLine, printToPdf } from './pdf';
import { OUTPUT } from './site';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const ROOT = resolve(import.meta.dirname, '../..');
const MM = 72 / 25.4;
const CARD = { red: '红牌', black: '黑牌', yellow: '黄牌' } as Record<string, string>;

describe('通报 bulletin page', () => {
	it('prints the numbers of kaoping assess: ranks, scores, tiers, cards and every reason', async () => {
		const expected = assessCli('2024');
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/bulletin/?period=2024`);
		await page.locator('[data-bulletin-ready]').waitFor();
		expect(await page.locator('h1').innerText()).toBe(
			'关于2024年度人口和计划生育目标管理责任制考核结果的通报'
		);
		const rows = page.locator('table.bulletin-ranking tbody tr');
		expect(await rows.count()).toBe(expected.length);
		for (const [i, u] of expected.entries()) {
			const row = rows.nth(i);
			expect(await row.getAttribute('data-code')).toBe(u.code);
			const cells = await row.locator('td, th').allInnerTexts();
			expect(cells.map((c) => c.trim())).toEqual([
				String(u.rank),
				u.name,
				u.score.toFixed(2),
				u.tier ?? '',
				u.card ? `■${CARD[u.card]}` : ''
			]);
		}
		// every carded township, with every reason as kaoping assess gives it
		const carded = expected.filter((u) => u.card);
		const items = page.locator('[data-testid=cards] li');
		expect(await items.count()).toBe(carded.length);
		for (const u of carded) {
			const text = await page.locator(`[data-testid=cards] li[data-code="${u.code}"]`).innerText();
			expect(text).toContain(`${u.name}：${CARD[u.card!]}`);
			expect(text).toContain(`原因：${u.reasons.join('；')}。`);
		}
		// 末位: the three lowest ranks, by name
		const last = expected.filter((u) => u.rank !== null).slice(-3);
		expect(await page.locator('[data-testid=last]').innerText()).toContain(
			`后3位的是${last.map((u) => u.name).join('、')}`
		);
		await screenshot(page, 'bulletin');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('leads with the county against target and last year, from the village rows summed independently', async () => {
		const [now, before] = await Promise.all(
			[2024, 2023].map(async (year) => {
				const [r] = await truth<{ inp: number; births: number }>(
					inject('demoExtracts'),
					`SELECT sum(births_in_policy) AS inp, sum(births_total) AS births FROM village_month
					 WHERE year(period) = ${year} AND births_in_policy IS NOT NULL AND births_total IS NOT NULL`
				);
				return (r.inp / r.births) * 100;
			})
		);
		const { page, context } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/bulletin/`);
		await page.locator('[data-bulletin-ready]').waitFor();
		const lead = await page.locator('[data-testid=lead] [data-sentence]').first().innerText();
		const delta = Number(now.toFixed(2)) - Number(before.toFixed(2));
		const gap = 90 - Number(now.toFixed(2));
		expect(lead).toBe(
			`全县政策符合率 ${pct(now)}，同比${delta < 0 ? '下降' : '上升'} ${Math.abs(delta).toFixed(2)} 个百分点，${gap > 0 ? '低于' : '高于'}目标 ${Math.abs(gap).toFixed(2)} 个百分点。`
		);
		// the counts and coverage behind it
		const detail = await page
			.locator('tr[data-indicator=policy_compliance_rate] td')
			.allInnerTexts();
		expect(detail[0]).toBe(pct(now));
		expect(detail[2]).toMatch(/^覆盖 [\d,]+\/[\d,]+ 村·月$/);
		await context.close();
	});

	it('keeps the period in the URL, and says so when a link names a period without an assessment', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/bulletin/?period=2031`);
		await expect(page.locator('[role=alert]').first().innerText()).resolves.toContain(
			'没有 2031 的考核结果'
		);
		await page.locator('[data-bulletin-ready]').waitFor();
		await page.locator('select[name=period]').selectOption('2024H1');
		await page.waitForURL(/period=2024H1/);
		await page.locator('[data-bulletin-ready]').waitFor();
		await expect(page.locator('h1').innerText()).resolves.toContain('2024年上半年');
		await context.close();
	});

	it('prints from the browser on A4 with the header line, numbered pages and the table whole', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/bulletin/`);
		await page.locator('[data-bulletin-ready]').waitFor();
		const printed = await printToPdf(page, 'bulletin');
		expect(printed.size.width).toBeCloseTo(210 * MM, -1);
		expect(printed.words.filter((w) => w.xMax > printed.size.width - 12 * MM)).toEqual([]);
		const manifest = JSON.parse(
			readFileSync(join(inject('demoExtracts'), 'manifest.json'), 'utf8')
		) as Manifest;
		const first = printed.sheets[0].split('\n').find((l) => l.trim())!;
		expect(first).toContain(`${manifest.counties[0].name} · 期间：2024年度`);
		expect(first).toContain(`打印日期：${formatDate(new Date(), 'zh')}`);
		const n = printed.sheets.length;
		// poppler reads the margin box's text without its spaces
		printed.sheets.forEach((s, i) =>
			expect(s.replace(/\s+/g, '')).toContain(`第${i + 1}页/共${n}页`)
		);
		expect(printed.sheets.join('\n')).not.toContain('打印通报');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('kaoping bulletin', () => {
	const dir = join(OUTPUT, 'bulletin-cli');
	const cli = (...args: string[]) =>
		spawnSync(
			process.execPath,
			['bin/kaoping.js', 'bulletin', '--data', inject('demoExtracts'), ...args],
			{ cwd: ROOT, encoding: 'utf8' }
		);

	it("prints the demo's 2024 bulletin to a PDF of 1–4 A4 pages, every township whole on one line", async () => {
		mkdirSync(dir, { recursive: true });
		const pdf = join(dir, 'bulletin-2024.pdf');
		rmSync(pdf, { force: true });
		const started = performance.now();
		const r = cli('--period', '2024', '--out', pdf);
		const seconds = (performance.now() - started) / 1000;
		expect(r.status, r.stderr).toBe(0);
		console.log(`kaoping bulletin: ${seconds.toFixed(1)} s wall, Chromium start included`);
		expect(r.stderr).toMatch(/已写出 .*bulletin-2024\.pdf（\d 页），用时/);
		const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
		const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(4);
		expect(info).toMatch(/Page size:.*\(A4\)/);
		// the file names itself by the bulletin's title (a PDF reader's window, a file list)
		expect(info).toContain(
			'Title:           关于2024年度人口和计划生育目标管理责任制考核结果的通报'
		);

		const expected = assessCli('2024');
		const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		for (const u of expected) expect(text).toContain(u.name);
		const red = expected.find((u) => u.card === 'red')!;
		expect(text).toContain('红牌');
		// no row cut across pages: each township's row lies whole on one line of one page
		const sheets = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
			.split('\f')
			.filter((s) => s.trim());
		for (const u of expected) {
			const cells = [String(u.rank), u.name, u.score.toFixed(2), u.tier ?? ''].filter(Boolean);
			const where = sheets.filter((s) => onOneLine(cells).test(s));
			expect(where.length, `${u.name}'s row`).toBe(1);
		}
		expect(sheets.join('\n')).toMatch(onOneLine(['19', red.name, red.score.toFixed(2)]));
		expect(sheets.some((s) => new RegExp(`${red.name}.*■红牌`).test(s))).toBe(true);
		// the pages as images, to look at (tests/output/bulletin-cli/page-*.png)
		for (const f of readdirSync(dir)) if (f.endsWith('.png')) rmSync(join(dir, f));
		execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
		expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
	});

	it('writes a self-contained HTML of the bulletin, in English on request', () => {
		const html = join(dir, 'bulletin-2024-en.html');
		const r = cli('--period', '2024', '--lang', 'en', '--out', html);
		expect(r.status, r.stderr).toBe(0);
		const text = readFileSync(html, 'utf8');
		expect(text).toContain(
			'<title>Bulletin on the results of the 2024 population and family-planning target-responsibility assessment</title>'
		);
		expect(text).toContain('Red card');
		expect(text).not.toMatch(/<script|<link|src=|https?:\/\//i);
	});

	it('refuses a period without an assessment, listing those it has', () => {
		const r = cli('--period', '2031', '--out', join(dir, 'x.pdf'));
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--period 2031 has no assessment');
		expect(r.stderr).toContain('choose one of: 2024, 2024H1, 2023');
	});

	it('says how to get Chromium when it is not there, and how to build the site when that is missing', () => {
		const r = spawnSync(
			process.execPath,
			['bin/kaoping.js', 'bulletin', '--data', inject('demoExtracts'), '--period', '2024'].concat([
				'--out',
				join(dir, 'x.pdf')
			]),
			{
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, KAOPING_CHROMIUM: '/nonexistent/chromium' }
			}
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('Chromium not found at /nonexistent/chromium (KAOPING_CHROMIUM)');
		const site = cli('--period', '2024', '--out', join(dir, 'x.pdf'), '--site', dir);
		expect(site.status).toBe(1);
		expect(site.stderr).toContain('run npm run build first');
	});
});
