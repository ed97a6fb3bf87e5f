// Level switches on the trends page (county → township → village and back), timed inside the
// page from the click to the redrawn chart. The first switch to each level is measured on fresh
// pages once the app's warm-up has run (kp:warm-villages, src/lib/views/warmup.ts) — what a reader who
// looks at the first chart for a few seconds meets — against the later switches of the same pages.
import type { Page } from 'playwright-core';
import { launch } from '../tests/browser/browser';

const PAGES = 5;
const LATER_ROUNDS = 3;
const LEVELS = ['township', 'village', 'county'] as const;

// In-page code as text: tsx would wrap named functions in a helper that the page does not have.
export const TIMED_CHANGE = `(kind, value) => new Promise((resolve) => {
	const kp = window.__kp;
	const before = kp.renders;
	const started = performance.now();
	if (kind === 'indicator') {
		const select = document.querySelector('select[name=indicator]');
		select.value = value;
		select.dispatchEvent(new Event('change', { bubbles: true }));
	} else document.querySelector('input[name=level][value=' + value + ']').click();
	const poll = () => (kp.renders > before ? resolve(kp.lastRender - started) : setTimeout(poll, 2));
	poll();
})`;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs: number[]) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
export const mark = (page: Page, name: string, timeout = 120_000) =>
	page
		.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
			timeout,
			polling: 20
		})
		.then(() => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name));

export const timedChange = async (page: Page, kind: 'indicator' | 'units', value: string) =>
	(await page.evaluate(
		`(${TIMED_CHANGE})(${JSON.stringify(kind)}, ${JSON.stringify(value)})`
	)) as number;

export async function levelSwitches(url: string) {
	const browser = await launch();
	const first: Record<(typeof LEVELS)[number], number[]> = {
		township: [],
		village: [],
		county: []
	};
	const later: number[] = [];
	const warm: number[] = [];
	try {
		for (let i = 0; i < PAGES; i++) {
			const context = await browser.newContext({
				locale: 'zh-CN',
				viewport: { width: 1280, height: 860 }
			});
			const page = await context.newPage();
			await page.goto(url + '/trends/');
			await mark(page, 'kp:first-chart');
			warm.push(await mark(page, 'kp:warm-villages'));
			for (const level of LEVELS) {
				first[level].push(await timedChange(page, 'units', level));
				await page.waitForTimeout(100);
			}
			for (let r = 0; r < LATER_ROUNDS; r++)
				for (const level of LEVELS) {
					later.push(await timedChange(page, 'units', level));
					await page.waitForTimeout(100);
				}
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return { first, later, warm };
}

export function reportLevels({ first, later, warm }: Awaited<ReturnType<typeof levelSwitches>>) {
	const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
	const laterP50 = median(later);
	console.log(
		`  level switches on the trends page (${PAGES} fresh pages, warm-up done at ${ms(median(warm))} median):`
	);
	for (const [level, xs] of Object.entries(first))
		console.log(
			`    first switch to ${level.padEnd(8)} p50 ${ms(median(xs))} · p95 ${ms(p95(xs))} · ${(median(xs) / laterP50).toFixed(1)}× later p50 (runs ${xs.map(Math.round).join(', ')})`
		);
	console.log(`    later switches (${later.length}): p50 ${ms(laterP50)} · p95 ${ms(p95(later))}`);
	const worst = Math.max(...Object.values(first).map(median)) / laterP50;
	console.log(
		`    target: first switch ≤ 3× later p50 → ${worst <= 3 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)}×)`
	);
}
