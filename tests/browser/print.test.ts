import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAV } from '../../src/lib/app/nav';
import { PRINT_WIDTH_PX } from '../../src/lib/charts/print';
import type { Manifest } from '../../src/lib/extract/schema';
import { formatDate } from '../../src/lib/format';
import { label, t } from '../../src/lib/i18n';
import { launch, openPage } from './browser';
import { printToPdf, type Printed } from './pdf';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

const MM = 72 / 25.4;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * A table as the screen shows it: per row, groups of cells that must come out of the printer
 * side by side on one line (columns chosen that do not wrap on A4), and the header cells likewise.
 */
type Groups = [number, number?][];
async function tableOnScreen(page: Page, selector: string, groups: Groups, headers = groups) {
	return page.evaluate(
		({ selector, groups, headers }) => {
			const table = document.querySelector(selector)!;
			// what the screen has only for the screen (a cell's 原因 button) is not to be printed
			const hide = document.createElement('style');
			hide.textContent = '.no-print { display: none !important; }';
			document.head.append(hide);
			const pick = (cells: Element[], which = groups) =>
				which.map(([from, to]) =>
					cells
						.slice(from, to)
						.map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ''))
						.join('')
				);
			const scroll = table.closest('.scroll');
			const seen = {
				header: pick([...table.querySelectorAll('thead th')], headers),
				rows: [...table.querySelectorAll('tbody tr')].map((tr) => pick([...tr.children])),
				/** rows hidden below a scroll box on screen (the issue: only ~12 of them printed) */
				scrolls: !!scroll && scroll.scrollHeight > scroll.clientHeight + 1
			};
			hide.remove();
			return seen;
		},
		{ selector, groups, headers }
	);
}

/** Each row's groups on one printed line, the rows in screen order; each sheet with rows has the header. */
function expectWholeTable(printed: Printed, table: Awaited<ReturnType<typeof tableOnScreen>>) {
	const lines = printed.sheets.flatMap((s, sheet) =>
		s.split('\n').map((line) => ({ sheet, line: squeeze(line) }))
	);
	let at = 0;
	const sheetsWithRows = new Set<number>();
	for (const row of table.rows) {
		const found = lines.findIndex((l, i) => i >= at && row.every((g) => l.line.includes(g)));
		expect(found, `row ${row.join(' ')} printed after line ${at}`).toBeGreaterThanOrEqual(0);
		sheetsWithRows.add(lines[found].sheet);
		at = found + 1;
	}
	for (const sheet of sheetsWithRows)
		expect(squeeze(printed.sheets[sheet]), `header on sheet ${sheet + 1}`).toContain(
			table.header.join('')
		);
	return sheetsWithRows.size;
}

/** What every printed page must and must not hold. */
async function expectPrintable(page: Page, printed: Printed, period: string) {
	const manifest = JSON.parse(
		readFileSync(join(inject('demoExtracts'), 'manifest.json'), 'utf8')
	) as Manifest;
	const all = printed.sheets.join('\n');

	// A4, and nothing beyond the right margin (a cut chart or table loses its right part)
	expect(printed.size.width).toBeCloseTo(210 * MM, -1);
	expect(printed.size.height).toBeCloseTo(297 * MM, -1);
	const right = printed.size.width - 12 * MM;
	expect(printed.words.filter((w) => w.xMax > right + 1)).toEqual([]);

	// the header line first: county, period, data set and today's date
	const first = printed.sheets[0].split('\n').find((l) => l.trim())!;
	expect(first).toContain(manifest.counties[0].name);
	expect(first).toContain(`期间：${period}`);
	expect(first).toContain(`数据：${manifest.generator}，${formatDate(manifest.today, 'zh')}生成`);
	expect(first).toContain(`打印日期：${formatDate(new Date(), 'zh')}`);

	// no navigation: the screen has it, the paper not
	const navLabels = NAV.map((n) => label('zh', n.key));
	const nav = await page.locator('header nav').innerText();
	for (const l of navLabels) expect(nav).toContain(l);
	for (const line of all.split('\n'))
		expect(navLabels.filter((l) => line.includes(l)).length, line).toBeLessThan(3);
	// the brand line (the subtitle alone is part of the scheme's name) and the header's tools
	expect(squeeze(all)).not.toContain(squeeze(t('zh', 'app.title') + t('zh', 'app.subtitle')));
	for (const key of ['nav.skip', 'lang.en', 'status.engineReady'] as const)
		expect(all).not.toContain(t('zh', key));

	// no controls: the buttons the screen shows outside tables do not print
	// (a button named by a unit, such as the trends chart's highlight picker, is left out: the
	// unit's name is rightly printed in the table; that the button is not is checked just below)
	const buttons = await page.evaluate(() => {
		const tables = [...document.querySelectorAll('table')].map((t) => t.innerText).join('\n');
		return [...document.querySelectorAll('button')]
			.filter((b) => !b.closest('table') && b.checkVisibility())
			.map((b) => b.innerText.trim())
			.filter((text) => text && !tables.includes(text));
	});
	for (const b of buttons) expect(squeeze(all)).not.toContain(squeeze(b));
	// and no control is laid out on paper (the screen has them: nav and selects at least)
	const controls = () =>
		page.evaluate(() =>
			[...document.querySelectorAll('select, input, textarea, button, nav, .no-print')]
				.filter((e) => !e.closest('table') && e.getClientRects().length > 0)
				.map((e) => e.outerHTML.slice(0, 120))
		);
	expect((await controls()).length).toBeGreaterThan(1);
	await page.emulateMedia({ media: 'print' });
	expect(await controls()).toEqual([]);
	await page.emulateMedia({ media: 'screen' });
}

/** Canvas widths in CSS pixels, once the page has been told that it is about to be printed. */
async function chartWidths(page: Page, printing: boolean) {
	if (printing) {
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	} else await page.emulateMedia({ media: 'screen' });
	return page.evaluate(() =>
		[...document.querySelectorAll('[role=img] canvas')].map(
			(c) => (c as HTMLCanvasElement).width / devicePixelRatio
		)
	);
}

describe('printing (A4, Chromium page.pdf, read back with pdftotext)', () => {
	it('overview: the header line and every tile, no navigation or controls', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/?period=2024`);
		await page.locator('[data-indicator] .value[data-value]').first().waitFor();
		const tiles = await page.evaluate(() =>
			[...document.querySelectorAll('[data-indicator]')].map((e) => ({
				name: e.querySelector('h3')!.textContent!.trim(),
				value: e.querySelector('.value')!.textContent!.trim(),
				verdict: e.querySelector('.verdict')?.textContent?.trim() ?? ''
			}))
		);
		const printed = await printToPdf(page, 'overview');
		await expectPrintable(page, printed, '2024年');
		const all = squeeze(printed.sheets.join(''));
		expect(tiles.length).toBeGreaterThan(8);
		for (const tile of tiles) {
			expect(all).toContain(squeeze(tile.name));
			expect(all).toContain(squeeze(tile.value));
		}
		// met or missed in words, not only by the colour of a border: each tile's verdict on paper
		const verdicts = tiles.map((x) => x.verdict).filter(Boolean);
		expect(verdicts.length).toBeGreaterThan(0);
		// 达标 is inside 未达标: count whole words
		const times = (w: string) => (all.match(new RegExp(`(?<!未)${w}`, 'g')) ?? []).length;
		for (const w of new Set(verdicts))
			expect(times(squeeze(w)), w).toBe(verdicts.filter((v) => v === w).length);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('trends: the whole table (not the ~12 rows of its scroll box) with its header on every sheet, the chart within the page', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/trends/?level=township&g=year`);
		await page.locator('table.data tbody tr').first().waitFor();
		await page.waitForFunction(() => performance.getEntriesByName('kp:first-chart').length > 0);
		const table = await tableOnScreen(page, 'table.data', [[0, 4]]);
		expect(table.scrolls).toBe(true);
		expect(table.rows.length).toBeGreaterThan(100);
		const printed = await printToPdf(page, 'trends');
		await expectPrintable(page, printed, '2019年1月至2024年12月');
		expect(expectWholeTable(printed, table)).toBeGreaterThan(2);
		// the chart's last year on the axis is on paper: its right edge is not cut off
		const axis = printed.words.filter((w) => w.sheet === 0).map((w) => w.text);
		for (const year of ['2019', '2020', '2021', '2022', '2023', '2024'])
			expect(axis).toContain(year);
		// drawn for the sheet before printing, and for the screen again afterwards
		const screen = await chartWidths(page, false);
		expect(Math.max(...screen)).toBeGreaterThan(PRINT_WIDTH_PX);
		const paper = await chartWidths(page, true);
		expect(paper.length).toBe(screen.length);
		for (const w of paper) expect(w).toBeLessThanOrEqual(PRINT_WIDTH_PX);
		await page.emulateMedia({ media: 'screen' });
		await page.waitForFunction(
			(limit) =>
				[...document.querySelectorAll('[role=img] canvas')].some(
					(c) => (c as HTMLCanvasElement).width / devicePixelRatio > limit
				),
			PRINT_WIDTH_PX
		);
		expect(await chartWidths(page, false)).toEqual(screen);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('rankings: every unit with its score and every indicator score, the charts within the page', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/rankings/?period=2024`);
		await page.locator('[data-interval]').first().waitFor();
		// name and composite; the indicator scores (the right-hand columns, whose long headers wrap:
		// the header checked is the first, 名次 and its sort arrow)
		const table = await tableOnScreen(
			page,
			'table.ranking',
			[
				[2, 4],
				[6, undefined]
			],
			[[0, 1]]
		);
		expect(table.rows.length).toBe(19);
		const printed = await printToPdf(page, 'rankings');
		await expectPrintable(page, printed, '2024年');
		expectWholeTable(printed, table);
		for (const w of await chartWidths(page, true)) expect(w).toBeLessThanOrEqual(PRINT_WIDTH_PX);
		expect(errors).toEqual([]);
		await context.close();
	});

	it.each(['about', 'explore', 'explore/sql', 'quality', 'diagnostics'])(
		'%s: the header line names the data set’s months; no navigation or controls',
		async (name) => {
			const { page, context, errors } = await openPage(browser);
			await page.goto(`${inject('nginxUrl')}/${name}/`);
			await page.locator('h1').first().waitFor();
			// the quality page prints its whole matrix and lists, for its own period (2024 by default)
			if (name === 'quality')
				await page.locator('[data-testid=verdict][data-ready]').waitFor({ timeout: 120_000 });
			await page.locator('[data-testid=print-header] strong:not(:empty)').waitFor({
				state: 'attached'
			});
			const printed = await printToPdf(page, name.replace('/', '-'));
			await expectPrintable(page, printed, name === 'quality' ? '2024年' : '2019年1月至2024年12月');
			expect(errors).toEqual([]);
			await context.close();
		}
	);

	it('cards: the whole matrix and the villages’ cards, each card by its name', async () => {
		const { page, context, errors } = await openPage(browser);
		await page.goto(`${inject('nginxUrl')}/cards/?period=2024`);
		await page.locator('table.matrix tbody tr').first().waitFor();
		await page.locator('table.villages tbody tr').first().waitFor();
		const matrix = await tableOnScreen(page, 'table.matrix', [[0, undefined]]);
		const villages = await tableOnScreen(page, 'table.villages', [[0, 4]]);
		expect(squeeze(matrix.rows.join())).toMatch(/红牌|黄牌|黑牌/);
		const printed = await printToPdf(page, 'cards');
		await expectPrintable(page, printed, '2024年');
		expectWholeTable(printed, matrix);
		expectWholeTable(printed, villages);
		expect(errors).toEqual([]);
		await context.close();
	});
});
