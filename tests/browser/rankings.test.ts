import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assessCli as cli } from './assess-cli';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const CARD = { red: '红牌', black: '黑牌', yellow: '黄牌' } as Record<string, string>;

describe('排名 rankings', () => {
	it('shows the same ranks, scores, tiers and cards as kaoping assess', async () => {
		const expected = cli('2024');
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		const rows = page.locator('table.ranking tbody tr');
		await rows.first().waitFor();
		expect(await rows.count()).toBe(expected.length);
		for (const [i, u] of expected.entries()) {
			const row = rows.nth(i);
			expect(await row.getAttribute('data-code')).toBe(u.code);
			const text = await row.innerText();
			expect(text).toContain(u.name);
			expect(text).toContain(u.score.toFixed(2));
			expect(await row.locator('td.rank .point').innerText()).toBe(String(u.rank));
			if (u.tier) expect(await row.locator('td.tier').innerText()).toBe(u.tier);
			if (u.card) {
				expect(text).toContain(CARD[u.card]);
				// every reason, as kaoping assess gives it
				const badge = row.locator('[data-card]');
				await expect(badge.getAttribute('title')).resolves.toBe(u.reasons.join('\n'));
			} else expect(await row.locator('[data-card]').count()).toBe(0);
		}
		// the veto township: red, whatever its score
		const red = expected.find((u) => u.card === 'red')!;
		expect(red.reasons.join()).toContain('政策外多孩出生');
		await screenshot(page, 'rankings');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("sorts by any column from the keyboard, keeps it in the URL, and shows a score's counts on focus", async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		await page.locator('table.ranking tbody tr').first().waitFor();
		const header = page.getByRole('button', { name: '综合得分' });
		await header.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/sort=score/);
		const scores = await page.locator('table.ranking tbody td.score').allInnerTexts();
		const numbers = scores.map(Number).filter((x) => !Number.isNaN(x));
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
		expect(await page.locator('th[aria-sort=descending]').count()).toBe(1);
		const cell = page.locator('table.ranking tbody button.cell').first();
		await cell.focus();
		await expect(cell.getAttribute('data-tip')).resolves.toMatch(
			/政策符合率：\d+\.\d+%（[\d,]+ \/ [\d,]+），得 [\d.]+ \/ 20 分/
		);
		await screenshot(page, 'rankings-sorted');
		expect(outside).toEqual([]);
		await context.close();
	});

	it('reads in English, and ranks the villages of a township', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024&lang=en`);
		await page.locator('table.ranking tbody tr').first().waitFor();
		await expect(page.locator('h1').innerText()).resolves.toContain('Rankings');
		await expect(page.locator('table.ranking thead').innerText()).resolves.toContain(
			'Composite score'
		);
		// tiers by the scheme's English names
		await expect(page.locator('table.ranking tbody').innerText()).resolves.toContain(
			'Excellent service'
		);
		// the funnel's two notes are two English sentences, a space between them
		await expect
			.poll(() => page.locator('p.note').first().innerText())
			.toMatch(/fewer than 20 events\. φ > 1: /);
		await screenshot(page, 'rankings-en');
		await page.locator('input[name=level][value=village]').check();
		await page.waitForURL(/level=village/);
		const township = await page
			.locator('select[name=township] option')
			.nth(1)
			.getAttribute('value');
		await page.selectOption('select[name=township]', township!);
		await page.waitForURL(new RegExp(`township=${township}`));
		const villages = cli('2024', '--level', 'village', '--township', township!);
		await page.waitForFunction(
			(n) => document.querySelectorAll('table.ranking tbody tr').length === n,
			villages.length
		);
		const first = page.locator('table.ranking tbody tr').first();
		expect(await first.getAttribute('data-code')).toBe(villages[0].code);
		await screenshot(page, 'rankings-villages-en');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows each rank with its interval as kaoping assess prints it, a sentence on which ranks are real, and the funnel plot', async () => {
		const expected = cli('2024') as (ReturnType<typeof cli>[number] & {
			rank_interval: [number, number];
			indicators: Record<string, { funnel: string | null }>;
		})[];
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		await page.locator('[data-interval]').first().waitFor();
		for (const u of expected) {
			const iv = page.locator(`tr[data-code="${u.code}"] [data-interval]`);
			await expect(iv.getAttribute('data-interval')).resolves.toBe(u.rank_interval.join('-'));
		}
		await expect(page.getByTestId('separation').innerText()).resolves.toMatch(/95% 名次区间/);
		// the funnel names the units outside the limits, as the CLI classifies them
		const flagged = expected
			.filter((u) => u.indicators.policy_compliance_rate.funnel !== 'inside')
			.map((u) => u.name);
		const summary = await page.getByTestId('funnel-outside').innerText();
		for (const name of flagged) expect(summary).toContain(name);
		await page.locator('select[name=funnel]').scrollIntoViewIfNeeded();
		await screenshot(page, 'rankings-funnel');
		// the over-dispersion switch shows φ, widens the limits and is kept in the URL
		await expect(page.getByTestId('phi').innerText()).resolves.toMatch(/φ = \d+\.\d\d/);
		await page.locator('input[name=overdispersion]').check();
		await page.waitForURL(/phi=1/);
		// centred on the target (90%) instead of the county total, and said so
		await page.locator('input[name=against-target]').check();
		await page.waitForURL(/ref=target/);
		await page.selectOption('select[name=funnel]', 'sex_ratio_at_birth');
		await page.waitForURL(/funnel=sex_ratio_at_birth/);
		await screenshot(page, 'rankings-funnel-sex-ratio');
		// and in English
		await page.goto(
			`${inject('demoUrl')}/rankings/?period=2024&lang=en&whatif=${encodeURIComponent('eyJpbmRpY2F0b3JzIjp7ImNoZWNrdXBfcmF0ZSI6eyJ3ZWlnaHQiOjEwfSwiZmVlX2NvbGxlY3Rpb25fcmF0ZSI6eyJ3ZWlnaHQiOjIwfX0sInRpZXJzIjp7fX0')}`
		);
		await page.locator('[data-whatif]').first().waitFor();
		await expect(page.getByTestId('funnel-outside').innerText()).resolves.toMatch(
			/Outside the limits|inside the 95% limits/
		);
		await screenshot(page, 'rankings-whatif-funnel-en');
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps hostile unit names as text', async () => {
		const { page, context, outside } = await openPage(browser);
		await page.goto(`${inject('hostileUrl')}/rankings/`);
		await page.locator('table.ranking tbody tr').first().waitFor();
		await expect(page.locator('table.ranking').innerText()).resolves.toContain('<img src=x');
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
		).toBeUndefined();
		expect(outside).toEqual([]);
		await context.close();
	});
});
