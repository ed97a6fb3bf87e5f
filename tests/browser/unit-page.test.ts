import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assessCli, type AssessedUnit } from './assess-cli';
import { launch, openPage, screenshot } from './browser';
import { MOVED_VILLAGE } from './site';
import { unreachableScrollBoxes } from './pages';
import { loadCatalog } from '../../src/lib/query/fixture';
import { indicatorValuesSql } from '../../src/lib/query/indicators';
import type { IndicatorRow } from '../../src/lib/query/types';
import { parsePeriod, type Period } from '../../src/lib/periods';
import { createNodeConnector } from '../../src/lib/connector/node';
import { rowsOf } from '../../src/lib/connector/types';
import { openExtractSet } from '../../src/cli/extract-set';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

type Judged = AssessedUnit & {
	indicators: Record<string, { value: number | null; numerator: number | null }>;
};
const cli = (period: string, ...more: string[]) => assessCli(period, ...more) as Judged[];
/** The moved village's indicators in `period` from every village file of the set (or one). */
async function nodeRows(extracts: string, period: Period, onlyTownship?: string) {
	const db = await createNodeConnector();
	try {
		await openExtractSet(db, extracts);
		const catalog = loadCatalog();
		const sql = indicatorValuesSql(catalog, {
			level: 'village',
			codes: [MOVED_VILLAGE],
			...(onlyTownship ? { parent: onlyTownship } : {}),
			indicators: catalog.indicators.map((i) => i.id),
			period
		});
		return rowsOf<IndicatorRow>(await db.query(sql));
	} finally {
		await db.close();
	}
}
const CARD: Record<string, string> = { red: '红牌', black: '黑牌', yellow: '黄牌' };

/** The unit page's own figures agree with `kaoping assess` for the same unit and period. */
async function expectStanding(page: Page, u: Judged, ranked: number) {
	const box = page.locator(`dl.standing[data-code="${u.code}"]`);
	await box.waitFor({ timeout: 90_000 });
	await expect(box.locator('.score').innerText()).resolves.toBe(u.score.toFixed(2));
	await expect(box.locator('.rank').getAttribute('data-rank')).resolves.toBe(String(u.rank));
	await expect(box.locator('.rank').innerText()).resolves.toContain(`共 ${ranked} 个`);
	if (u.tier) await expect(box.locator('.tier').innerText()).resolves.toBe(u.tier);
	const card = box.locator('.card');
	if (u.card) await expect(card.innerText()).resolves.toContain(CARD[u.card]);
	else await expect(card.innerText()).resolves.toBe('未挂牌');
	// every assessed indicator's tile shows the value the CLI judged, with its counts
	for (const [id, s] of Object.entries(u.indicators)) {
		const tile = page.locator(`article.tile[data-indicator="${id}"]`);
		const shown = await tile.locator('.value').getAttribute('data-value');
		if (s.value === null) expect(shown, id).toBe('');
		else expect(Number(shown), id).toBeCloseTo(s.value, 9);
	}
}

describe('单位详情 unit pages', () => {
	it('drills from the rankings to a township and one of its villages, and back by the breadcrumbs, on nginx', async () => {
		const townships = cli('2024');
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/rankings/?period=2024`);
		// the red-carded township (a veto event): the drill a leader makes first
		const red = townships.find((u) => u.card === 'red')!;
		await page.locator(`table.ranking tr[data-code="${red.code}"] a`).click();
		await page.waitForURL(new RegExp(`/unit/\\?code=${red.code}&period=2024$`));
		await page.locator('main h1', { hasText: red.name }).waitFor();
		await expectStanding(page, red, townships.filter((u) => u.rank !== null).length);
		// its card history: each assessment period as kaoping assess judges it
		await page.locator('ol.history').waitFor({ timeout: 90_000 });
		const steps = page.locator('ol.history > li');
		await expect(steps.count()).resolves.toBe(6);
		for (const period of ['2023', '2024H1']) {
			const then = cli(period).find((u) => u.code === red.code)!;
			const step = await page.locator(`ol.history > li[data-period="${period}"]`).innerText();
			expect(step).toContain(then.card ? CARD[then.card] : '无');
		}
		await screenshot(page, 'unit-township');

		// its villages, ranked within the county as the CLI ranks them, each with its card
		const villages = cli('2024', '--level', 'village', '--township', red.code);
		const rows = page.locator('table.children[data-level=village] tbody tr');
		await rows.first().waitFor();
		await expect(rows.count()).resolves.toBe(villages.length);
		const ranked = [...villages].sort(
			(a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code)
		);
		for (const [i, v] of ranked.entries()) {
			await expect(rows.nth(i).getAttribute('data-code')).resolves.toBe(v.code);
			await expect(rows.nth(i).locator('td.rank').innerText()).resolves.toBe(String(v.rank ?? '—'));
		}
		const carded = villages.find((v) => v.card) ?? ranked[0];
		await page.locator(`table.children tr[data-code="${carded.code}"] a`).click();
		await page.waitForURL(new RegExp(`code=${carded.code}&period=2024$`));
		const crumbs = page.locator('nav.crumbs li');
		await expect(crumbs.allInnerTexts()).resolves.toEqual([
			expect.any(String),
			red.name,
			carded.name
		]);
		const county = cli('2024', '--level', 'village');
		await expectStanding(
			page,
			villages.find((v) => v.code === carded.code)!,
			county.filter((v) => v.rank !== null).length
		);
		await expect(page.locator('table.children').count()).resolves.toBe(0);
		await screenshot(page, 'unit-village');

		// back up by the breadcrumbs, from the keyboard
		await crumbs.nth(1).locator('a').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`code=${red.code}&period=2024$`));
		await page.locator(`dl.standing[data-code="${red.code}"]`).waitFor();
		await crumbs.nth(0).locator('a').click();
		await page.waitForURL(/code=\d+&period=2024$/);
		const children = page.locator('table.children[data-level=township] tbody tr');
		await children.first().waitFor();
		await expect(
			children.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
		).resolves.toEqual(townships.map((u) => u.code));
		await expect(page.locator('dl.standing').count()).resolves.toBe(0);
		await screenshot(page, 'unit-county');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	}, 240_000);

	it.each([
		['nginx, at the root', 'nginxUrl'],
		['nginx, under /kaoping/', 'nginxSubUrl']
	] as const)(
		'opens a pasted unit URL with period and lang=en (%s), also after a reload',
		async (_n, key) => {
			const [township] = cli('2024H1');
			const village = cli('2024H1', '--level', 'village', '--township', township.code)[0];
			const { page, context, outside, errors } = await openPage(browser);
			const url = `${inject(key)}/unit/?code=${village.code}&period=2024H1&lang=en`;
			for (const go of [() => page.goto(url), () => page.reload()]) {
				const response = await go();
				expect(response?.status()).toBe(200);
				await page.locator(`dl.standing[data-code="${village.code}"]`).waitFor({ timeout: 90_000 });
				expect(page.url()).toBe(url);
				await page.locator('main h1', { hasText: village.name }).waitFor();
				await expect(page.locator('main h1').innerText()).resolves.toMatch(/2024 H1|H1 2024/);
				await expect(page.locator('nav.crumbs li').nth(1).innerText()).resolves.toBe(township.name);
				await expect(page.locator('select[name=period]').inputValue()).resolves.toBe('2024H1');
				await expect(page.locator('section:has(#unit-assessment)').innerText()).resolves.toContain(
					'Points by indicator'
				);
			}
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		},
		180_000
	);

	it("shows a moved village's months in its old township too: its tiles are the whole set's", async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('movedUrl')}/unit/?code=${MOVED_VILLAGE}`);
		await page.locator(`dl.standing[data-code="${MOVED_VILLAGE}"]`).waitFor({ timeout: 90_000 });
		await expect(page.locator('nav.crumbs li').nth(1).innerText()).resolves.toBe('乙乡');
		// whose its earlier months were, under the breadcrumbs
		await expect(page.locator('[data-testid=moves]').innerText()).resolves.toBe(
			'区划调整：2023年12月属甲镇，2024年1月起属乙乡'
		);
		const period = parsePeriod(await page.locator('select[name=period]').inputValue())!;
		// the same query over every village file of the set, in Node: 一村's December 2023 (the
		// month before the period, which its mean stocks start from) is in 甲镇's file
		const expected = await nodeRows(inject('movedExtracts'), period);
		const shown = await page
			.locator('article.tile')
			.evaluateAll((tiles) =>
				tiles.map((t) => [
					t.getAttribute('data-indicator')!,
					t.querySelector('.value')?.getAttribute('data-value') ?? ''
				])
			);
		expect(shown.length).toBeGreaterThan(5);
		for (const [id, value] of shown) {
			const row = expected.find((r) => r.indicator === id && r.period_key === period.text);
			if (row?.value == null) expect(value, id).toBe('');
			else expect(Number(value), id).toBeCloseTo(row.value, 9);
		}
		// sensitive to the old township's file: the mean population reaches back to December
		const births = expected.find(
			(r) => r.indicator === 'birth_rate' && r.period_key === period.text
		)!;
		const withoutDecember = await nodeRows(inject('movedExtracts'), period, '990999002');
		expect(
			withoutDecember.find((r) => r.indicator === 'birth_rate' && r.period_key === period.text)
				?.value
		).not.toBe(births.value);
		await screenshot(page, 'unit-moved-village');
		// its points table and its card history scroll in named boxes a keyboard can reach
		await expect(page.locator('.scroll').count()).resolves.toBeGreaterThan(0);
		expect(await unreachableScrollBoxes(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	}, 120_000);

	it('shows no township changes for a village that never moved', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('movedUrl')}/unit/?code=990999001202`);
		await page.locator('dl.standing[data-code="990999001202"]').waitFor({ timeout: 90_000 });
		await page.locator('article.tile .value[data-value]').first().waitFor();
		// its runs are read from the same file as its tiles: give the answer time to be drawn
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
		await expect(page.locator('[data-testid=moves]').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	}, 120_000);

	it('says so when the code names no unit', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/unit/?code=123456789&period=2024`);
		await expect(page.locator('main [role=alert]').innerText()).resolves.toContain('123456789');
		expect(errors).toEqual([]);
		await context.close();
	});

	it.each([
		['zh', 1366],
		['zh', 390],
		['en', 1366],
		['en', 390]
	] as const)('looks right in %s at %i px wide', async (lang, width) => {
		const [township] = cli('2024');
		const { page, context, errors } = await openPage(browser);
		await page.setViewportSize({ width, height: 900 });
		const suffix = lang === 'en' ? '&lang=en' : '';
		await page.goto(`${inject('demoUrl')}/unit/?code=${township.code}&period=2024${suffix}`);
		await page.locator('table.children tbody tr').first().waitFor();
		await page.locator('dl.standing').waitFor();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await screenshot(page, `unit-${lang}-${width}`);
		expect(errors).toEqual([]);
		await context.close();
	});
});
