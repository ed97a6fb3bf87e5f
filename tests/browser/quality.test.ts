import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { launch, openPage, screenshot } from './browser';
import { truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const n = (x: number) => x.toLocaleString('en-US');
const ready = (page: Page) =>
	page.locator('[data-testid=verdict][data-ready]').waitFor({ timeout: 120_000 });

/** The demo county's 2024 reports, straight from the published village rows. */
const REPORTS_2024 = `FROM village_month WHERE period BETWEEN DATE '2024-01-01' AND DATE '2024-12-01'`;

describe('数据质量 page on the demo county', () => {
	it("finds the demo's late and missing reports and its 漏报, as an independent count of the extracts says", async () => {
		const extracts = inject('demoExtracts');
		const [all] = await truth<Record<string, number>>(
			extracts,
			`SELECT count(*) AS due, count(DISTINCT code) AS villages,
				sum(reports_on_time) AS on_time,
				count(*) FILTER (WHERE reports_received = 1 AND reports_judged = 1 AND reports_on_time = 0) AS late,
				count(*) FILTER (WHERE reports_received = 0) AS missing,
				sum(births_unreported_found) AS found, sum(births_total) AS births
			${REPORTS_2024}`
		);
		const missing = await truth<{ code: string; month: string }>(
			extracts,
			`SELECT code, CAST(year(period) * 12 + month(period) - 1 AS VARCHAR) AS month ${REPORTS_2024} AND reports_received = 0`
		);
		const finds = await truth<{ code: string }>(
			extracts,
			`SELECT code ${REPORTS_2024} AND births_unreported_found > 0`
		);
		// the demo plants both, so the page has something to find
		expect(all.late).toBeGreaterThan(50);
		expect(all.missing).toBeGreaterThan(3);

		const { page, outside, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/quality/?period=2024`);
		await ready(page);
		const verdict = await page.locator('[data-testid=verdict]').innerText();
		const rate = ((all.on_time / all.due) * 100).toFixed(1);
		expect(verdict).toContain(`本期 ${all.villages} 个村应报 ${n(all.due)} 份`);
		expect(verdict).toContain(`按时 ${n(all.on_time)} 份（${rate}%）`);
		expect(verdict).toContain(`迟报 ${n(all.late)} 份`);
		expect(verdict).toContain(`缺报 ${n(all.missing)} 份`);
		expect(verdict).toContain(
			`清理出漏报出生 ${n(all.found)} 人（同期报告出生 ${n(all.births)} 人）`
		);

		// every missing village-month is in the matrix, said in words; every late one too
		for (const m of missing) {
			const cell = page.locator(
				`table.matrix tr[data-code="${m.code}"] td[data-month="${m.month}"]`
			);
			await expect(cell.getAttribute('data-status')).resolves.toMatch(/^(missing|carried)$/);
			await expect(cell.innerText()).resolves.toMatch(/^缺/);
		}
		await expect(page.locator('table.matrix td[data-status=late]').count()).resolves.toBe(all.late);
		await expect(
			page.locator('table.matrix td[data-status=late]').first().innerText()
		).resolves.toBe('迟');
		// the per-township table adds up to the county
		const due = await page.locator('table.by-township tbody tr td:nth-child(2)').allInnerTexts();
		expect(due.reduce((s, x) => s + Number(x.replace(/,/g, '')), 0)).toBe(all.due);

		// 漏报: every village-month with births found, and the total
		await expect(page.locator('table.unreported tbody tr[data-code]').count()).resolves.toBe(
			finds.length
		);
		await expect(page.locator('table.unreported tfoot .found').innerText()).resolves.toBe(
			n(all.found)
		);

		// the build's counts
		const [rows] = await truth<{ n: number }>(
			extracts,
			`SELECT count(*) AS n FROM village_month WHERE reports_received = 1`
		);
		await expect(page.locator('dd[data-count=reports]').innerText()).resolves.toBe(n(rows.n));
		await screenshot(page, 'quality-county');

		// an item links to its unit page
		const first = page.locator('table.missing-most tbody tr').first();
		const code = await first.getAttribute('data-code');
		await first.locator('a').click();
		await page.waitForURL(new RegExp(`/unit/\\?code=${code}&period=2024`));
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('flags the deaths the demo keyed with an extra 0, across the villages and across their months', async () => {
		const extracts = inject('demoExtracts');
		const planted = await truth<{ code: string; township: string; period: string; deaths: number }>(
			extracts,
			`SELECT code, township_code AS township, strftime(period, '%Y-%m') AS period, deaths ${REPORTS_2024} AND deaths >= 20 ORDER BY code`
		);
		expect(planted.length).toBeGreaterThanOrEqual(2);
		const { page, errors } = await openPage(browser);
		for (const p of planted) {
			await page.goto(`${inject('pythonUrl')}/quality/?period=2024&township=${p.township}`);
			await ready(page);
			const unitRow = page.locator(
				`table.outliers[data-kind=units] tr[data-indicator=death_rate][data-code="${p.code}"]`
			);
			await expect(unitRow.count(), p.code).resolves.toBe(1);
			const zText = await unitRow.locator('.z').innerText();
			expect(Math.abs(Number(zText.replace(/,/g, '')))).toBeGreaterThan(3.5);
			const monthRow = page.locator(
				`table.outliers[data-kind=months] tr[data-indicator=death_rate][data-code="${p.code}"][data-period="${p.period}"]`
			);
			await expect(monthRow.count(), `${p.code} ${p.period}`).resolves.toBe(1);
			// its counts: the deaths as keyed, over the mean population
			await expect(monthRow.locator('td.num').nth(1).innerText()).resolves.toMatch(
				new RegExp(`^${p.deaths} / `)
			);
		}
		await screenshot(page, 'quality-township');

		// a threshold above every |z| of the planted slip leaves it out, and the URL keeps it
		const p = planted[0];
		await page.goto(`${inject('pythonUrl')}/quality/?period=2024&township=${p.township}`);
		await ready(page);
		await page.locator('input[name=z]').fill('10');
		await page.locator('input[name=z]').press('Enter');
		await page.locator('input[name=z]').blur();
		await page.waitForURL(/z=10/);
		await ready(page);
		await expect(page.locator('p.muted', { hasText: '|M| > 10' }).count()).resolves.toBe(1);
		const z = await page.locator('table.outliers .z').allInnerTexts();
		// shown to one decimal with thousands grouped (the MAD = 0 fallback can give large scores)
		expect(z.map((x) => Math.abs(Number(x.replace(/,/g, ''))) >= 10)).not.toContain(false);
		expect(errors).toEqual([]);
	});

	it('speaks English with ?lang=en and says when a township code names no township', async () => {
		const { page } = await openPage(browser);
		await page.goto(`${inject('nginxSubUrl')}/quality/?period=2024H1&lang=en`);
		await ready(page);
		await expect(page.locator('[data-testid=verdict]').innerText()).resolves.toMatch(
			/^This period 300 villages owed 1,800 reports, [\d,]+ on time \(\d+\.\d%\)/
		);
		await page.goto(`${inject('nginxSubUrl')}/quality/?period=2024&township=990101999`);
		await expect(page.locator('[role=alert]').innerText()).resolves.toContain('990101999');
	});
});

describe('说明 page', () => {
	it('shows every indicator and the weights of the scheme in force', async () => {
		const catalog = parse(readFileSync('data/config/indicators.yaml', 'utf8'));
		const scheme = parse(readFileSync('data/config/scheme-2024.yaml', 'utf8'));
		const { page, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/about/`);
		await page.locator('table.weights tbody tr').first().waitFor({ timeout: 60_000 });
		for (const ind of catalog.indicators as { id: string; name: { zh: string } }[]) {
			const row = page.locator(`table.indicators tr[data-indicator="${ind.id}"]`);
			await expect(row.locator('th').innerText()).resolves.toContain(ind.name.zh);
		}
		for (const [id, s] of Object.entries(scheme.indicators as Record<string, { weight: number }>))
			await expect(
				page.locator(`table.weights tr[data-indicator="${id}"] .weight`).innerText()
			).resolves.toBe(String(s.weight));
		await expect(
			page.locator('table.indicators tr[data-indicator=natural_growth_rate] .formula').innerText()
		).resolves.toMatch(/^（.+ − .+）÷ .+ × 1000/);
		await expect(page.locator('.scheme-name').innerText()).resolves.toContain(scheme.name);
		await expect(page.locator('dl.cards').innerText()).resolves.toContain('红牌');
		await screenshot(page, 'about');
		expect(errors).toEqual([]);
	});
});
