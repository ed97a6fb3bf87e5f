import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';
import { EVERY_PAGE, LANGS, openLoaded, unreachableScrollBoxes } from './pages';
import { pct, truth } from './truth';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const AXE = join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
	// evaluated by the browser's debugging protocol: the page's Content-Security-Policy (self
	// only, no inline scripts) rightly refuses a <script> tag, and must stay on while axe looks
	await page.evaluate(readFileSync(AXE, 'utf8'));
	const violations = await page.evaluate(
		async () =>
			(
				(await (
					window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }
				).axe.run()) as { violations: AxeViolation[] }
			).violations
	);
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core finds no serious or critical problem', () => {
	describe.each(EVERY_PAGE)('$name', (p) => {
		it.each(LANGS)('in %s, once its data is shown (nginx, 1366×768)', async (lang) => {
			const { page, context, outside, errors } = await openPage(browser);
			await page.setViewportSize({ width: 1366, height: 768 });
			await openLoaded(page, inject('nginxUrl'), p, lang);
			expect(await seriousViolations(page)).toEqual([]);
			// axe flags a scroll box only while it overflows; every one must be reachable anyway
			expect(await unreachableScrollBoxes(page)).toEqual([]);
			await screenshot(page, `desktop-${p.name}-${lang}`);
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		});
	});
});

/**
 * The contrast of the focus ring against what is around it (WCAG 2.4.11 asks ≥ 3:1): the
 * outline's colour against the first opaque background of the focused element's parents.
 */
function focusRing(): { what: string; width: number; contrast: number } | null {
	const el = document.activeElement as HTMLElement | null;
	if (!el || el === document.body) return null;
	const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
	const lum = ([r, g, b]: number[]) => {
		const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
	// what is drawn just outside the element, where the ring is: the skip link, for one, floats
	// over the red header although its parent is the grey page
	const box = el.getBoundingClientRect();
	const under = document
		.elementsFromPoint(box.left + box.width / 2, Math.max(0, box.top - 3))
		.find((e) => e !== el && !el.contains(e));
	let behind = [255, 255, 255];
	for (let a = under ?? el.parentElement; a; a = a.parentElement) {
		const c = rgb(getComputedStyle(a).backgroundColor);
		if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
			behind = c.slice(0, 3);
			break;
		}
	}
	const style = getComputedStyle(el);
	const ring = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
	const [l1, l2] = [lum(rgb(style.outlineColor)), lum(behind)].sort((x, y) => y - x);
	const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20);
	return {
		what: `${el.tagName.toLowerCase()} "${label}"`,
		width: ring,
		contrast: (l1 + 0.05) / (l2 + 0.05)
	};
}

describe('the keyboard focus is visible everywhere', () => {
	it.each(EVERY_PAGE)(
		'$name: every element reached by Tab has a ring of ≥ 2 px at ≥ 3:1 (the red header too)',
		async (p) => {
			const { page, context } = await openPage(browser);
			await openLoaded(page, inject('nginxUrl'), p, 'zh');
			const weak: string[] = [];
			let header = 0;
			for (let i = 0; i < 45; i++) {
				await page.keyboard.press('Tab');
				const ring = await page.evaluate(focusRing);
				if (!ring) continue;
				if (await page.evaluate(() => !!document.activeElement?.closest('header'))) header++;
				if (ring.width < 2 || ring.contrast < 3)
					weak.push(`${ring.what}: ${ring.width}px, ${ring.contrast.toFixed(2)}:1`);
			}
			expect(header).toBeGreaterThan(8); // the navigation was really walked through
			expect([...new Set(weak)]).toEqual([]);
			await context.close();
		}
	);
});

describe('what colour and pictures say is also in words', () => {
	it('each overview tile with a target says 达标 or 未达标 beside its coloured border', async () => {
		const { page, context } = await openPage(browser);
		for (const lang of LANGS) {
			await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[0], lang);
			const met = page.locator('article.tile.met .verdict');
			const missed = page.locator('article.tile.missed .verdict');
			expect(await met.count()).toBeGreaterThan(0);
			expect(await missed.count()).toBeGreaterThan(0);
			expect(await met.count()).toBe(await page.locator('article.tile.met').count());
			expect(await missed.count()).toBe(await page.locator('article.tile.missed').count());
			const words =
				lang === 'zh' ? /^(达标|在目标区间内)$/ : /^(Target met|Within the target band)$/;
			const no =
				lang === 'zh' ? /^(未达标|超出目标区间)$/ : /^(Target missed|Outside the target band)$/;
			for (const text of await met.allInnerTexts()) expect(text).toMatch(words);
			for (const text of await missed.allInnerTexts()) expect(text).toMatch(no);
		}
		await context.close();
	});

	it("a sparkline's text names every year's value, ending with the tile's own", async () => {
		const { page, context } = await openPage(browser);
		await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[0], 'zh');
		const tile = page.locator('[data-indicator=policy_compliance_rate]');
		const value = await tile.locator('.value').innerText();
		const label = (await tile.locator('svg.spark').getAttribute('aria-label'))!;
		const points = (await tile.locator('svg.spark path').getAttribute('d'))!.match(/[ML]/g)!;
		expect(label).toMatch(new RegExp(`^\\d{4}年.*各年同期：.*${value.replace('.', '\\.')}$`));
		expect(label.split('，')).toHaveLength(points.length);
		await context.close();
	});

	it("the small multiples are listed in words: each township's lowest quarter as DuckDB computes it", async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/trends/?level=township`);
		const lines = page.locator('details.in-words li');
		await lines.first().waitFor({ state: 'attached' });
		const lows = await truth<{ name: string; low: number }>(
			inject('demoExtracts'),
			`SELECT name, min(v) AS low FROM (
			   SELECT u.name, sum("policy_compliance_rate.num") / sum("policy_compliance_rate.den") * 100 AS v
			   FROM township_month t JOIN units u USING (code)
			   GROUP BY u.name, year(period), quarter(period)) GROUP BY name`
		);
		expect(await lines.count()).toBe(lows.length);
		for (const { name, low } of lows) {
			const line = await lines.filter({ hasText: `${name}：` }).textContent();
			expect(line).toContain(`最低 ${pct(low)}`);
		}
		await context.close();
	});
});

describe('selects and the history', () => {
	it('arrow keys through a select make one history entry, and Back returns to the start', async () => {
		const { page, context } = await openPage(browser);
		await openLoaded(page, inject('nginxUrl'), EVERY_PAGE[1], 'zh');
		const before = await page.evaluate(() => history.length);
		const select = page.locator('select[name=granularity]');
		await select.focus();
		for (const g of ['half', 'year', 'ytd']) {
			await page.keyboard.press('ArrowDown');
			await page.waitForURL(new RegExp(`g=${g}`));
		}
		expect(await page.evaluate(() => history.length)).toBe(before + 1);
		expect(await select.inputValue()).toBe('ytd');
		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('g='));
		expect(await select.inputValue()).toBe('quarter');
		// a deliberate second choice, after a pause, is its own step back
		await page.waitForTimeout(1100);
		await page.selectOption('select[name=granularity]', 'month');
		await page.waitForURL(/g=month/);
		await page.waitForTimeout(1100);
		await page.selectOption('select[name=granularity]', 'year');
		await page.waitForURL(/g=year/);
		await page.goBack();
		await page.waitForURL(/g=month/);
		await context.close();
	});
});
