import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatProblems } from '../../src/lib/format/audit';
import { launch, openPage, screenshot, type GuardedPage } from './browser';
import { EVERY_PAGE, LANGS, openLoaded, PHONE, unreachableScrollBoxes } from './pages';

/*
 * The checks every page must pass once its data is shown, in each language: accessibility
 * (axe-core, scroll boxes, focus rings), one way of writing numbers and periods, and a phone's
 * width. They share one load of each page: a cold load waits ~4-5 s for the engine on a 2-core
 * machine, and one load per check made these the slowest part of the browser tests.
 */

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const DESKTOP = { width: 1366, height: 768 };

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

describe.each(EVERY_PAGE)('$name, once its data is shown (nginx)', (p) => {
	describe.each(LANGS)('in %s', (lang) => {
		// the tests below run in order on this one page: desktop checks first, the phone last
		let guarded: GuardedPage;
		beforeAll(async () => {
			guarded = await openPage(browser);
			await guarded.page.setViewportSize(DESKTOP);
			await openLoaded(guarded.page, inject('nginxUrl'), p, lang);
		});
		afterAll(async () => void (await guarded?.context.close()));

		it('axe-core finds no serious or critical problem (1366×768)', async () => {
			expect(await seriousViolations(guarded.page)).toEqual([]);
			// axe flags a scroll box only while it overflows; every one must be reachable anyway
			expect(await unreachableScrollBoxes(guarded.page)).toEqual([]);
			await screenshot(guarded.page, `desktop-${p.name}-${lang}`);
		});

		it('has no period, number or bracket written another way', async () => {
			const text = await guarded.page.locator('main').innerText();
			expect(formatProblems(text, lang)).toEqual([]);
		});

		// the rings do not change with the language: walked once, in Chinese
		if (lang === 'zh')
			it('every element reached by Tab has a ring of ≥ 2 px at ≥ 3:1 (the red header too)', async () => {
				const { page } = guarded;
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
			});

		it('on a phone (390 × 844), never scrolls sideways', async () => {
			const { page } = guarded;
			await page.evaluate(() => {
				(document.activeElement as HTMLElement | null)?.blur();
				scrollTo(0, 0);
			});
			await page.setViewportSize(PHONE);
			// the charts follow their boxes' new width through a ResizeObserver, a frame later
			await page.evaluate(
				() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300)))
			);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(PHONE.width);
			await screenshot(page, `phone-${p.name}-${lang}`);
		});

		it('asked for nothing outside the machine and logged no error', () => {
			expect(guarded.outside).toEqual([]);
			expect(guarded.errors).toEqual([]);
		});
	});
});
