import type { Browser, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readXlsx } from '../../src/cli/io/xlsx-read';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => void (browser = await launch()));
afterAll(async () => void (await browser?.close()));

/** RFC 4180, as Excel writes and reads it: quoted cells may hold commas, quotes and breaks. */
function parseCsv(text: string): string[][] {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

interface Files {
	csv: string[][];
	csvName: string;
	/** The workbook's rows: [0] the title, [1] the header, then the body. */
	xlsx: (string | null)[][];
	xlsxName: string;
}

/** Presses 导出CSV and 导出Excel inside a part of the page and reads both files back. */
async function download(page: Page, scope: Locator): Promise<Files> {
	const [csvFile] = await Promise.all([
		page.waitForEvent('download'),
		scope.getByRole('button', { name: '导出CSV' }).click()
	]);
	const [xlsxFile] = await Promise.all([
		page.waitForEvent('download'),
		scope.getByRole('button', { name: '导出Excel' }).click()
	]);
	const book = readXlsx(new Uint8Array(readFileSync((await xlsxFile.path())!)));
	return {
		csv: parseCsv(readFileSync((await csvFile.path())!, 'utf8')),
		csvName: csvFile.suggestedFilename(),
		xlsx: book.rows.map((r) => r.cells as (string | null)[]),
		xlsxName: xlsxFile.suggestedFilename()
	};
}

/** The screen's text of each body row's cells. */
const screenRows = (table: Locator) =>
	table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				[...tr.querySelectorAll('th, td')].map((c) =>
					(c as HTMLElement).innerText.replace(/■/g, '').trim()
				)
			)
		);

/** A screen number as the files give it: 92.40% → 92.4, 3,110 → 3110. */
const num = (text: string) => Number(text.replace(/[,%‰]/g, ''));
const TITLE = /^.+，.+；数据集 \d{4}-\d{2}—\d{4}-\d{2}（\d{4}-\d{2}-\d{2}）；考核方案：.+$/;

describe('exports', () => {
	it('rankings: CSV and XLSX carry the ranks, names and scores on the screen, with the counts', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/rankings/?period=2024`);
		const table = page.locator('table.ranking');
		await table.locator('tbody tr').first().waitFor();
		const screen = await table.locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({
				code: tr.getAttribute('data-code')!,
				rank: tr.querySelector('td.rank .point')!.textContent!.trim(),
				name: tr.querySelector('th a')!.textContent!.trim(),
				score: tr.querySelector('td.score')!.textContent!.trim()
			}))
		);
		const files = await download(page, page.locator('section', { has: table }));
		expect(files.csvName).toBe('排名_乡镇_2024年.csv');
		expect(files.xlsxName).toBe('排名_乡镇_2024年.xlsx');
		expect(files.xlsx[0][0]).toMatch(/^排名：\S+县 乡镇，2024年；/);
		expect(files.xlsx[0][0]).toMatch(TITLE);
		const head = files.csv[0];
		expect(head.slice(0, 8)).toEqual([
			'名次',
			'升降',
			'代码',
			'单位',
			'综合得分',
			'等次',
			'三牌',
			'挂牌原因'
		]);
		// each rate with its counts and coverage beside it
		for (const col of ['政策符合率', '政策符合率·纳入计算（村·月）', '政策符合率·应报（村·月）'])
			expect(head).toContain(col);
		// money in 元 in the CSV, in 万元 in the workbook
		expect(files.xlsx[1]).toEqual(head.map((h) => h.replace('（元）', '（万元）')));
		const csvBody = files.csv.slice(1);
		const xlsxBody = files.xlsx.slice(2);
		expect(csvBody).toHaveLength(screen.length);
		expect(xlsxBody).toHaveLength(screen.length);
		screen.forEach((s, i) => {
			for (const row of [csvBody[i], xlsxBody[i]]) {
				expect(row[0]).toBe(s.rank);
				expect(row[2]).toBe(s.code);
				expect(row[3]).toBe(s.name);
				expect(Number(row[4]).toFixed(2)).toBe(s.score);
			}
		});
		// a rate is the ratio of the counts beside it
		const at = (name: string) => head.indexOf(name);
		const rate = at('政策符合率');
		for (const row of csvBody) {
			const [n, d] = [Number(row[rate + 1]), Number(row[rate + 2])];
			if (d > 0) expect(Number(row[rate])).toBeCloseTo((100 * n) / d, 3);
		}
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('cards: the matrix and the villages’ cards as files, as on the screen', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/cards/?period=2024`);
		const matrix = page.locator('table.matrix');
		await matrix.locator('tbody tr').first().waitFor();
		const screen = (await screenRows(matrix)).map((r) => [
			r[0].replace(/原因$/, '').trim(),
			...r.slice(1)
		]);
		const files = await download(page, page.locator('section', { has: matrix }));
		expect(files.xlsxName).toBe('三牌_各考核时期挂牌情况_2024年.xlsx');
		expect(files.xlsx[0][0]).toMatch(TITLE);
		const periods = await matrix.locator('thead th').allInnerTexts();
		expect(files.csv[0]).toEqual(['代码', ...periods]);
		for (const body of [files.csv.slice(1), files.xlsx.slice(2)]) {
			expect(body).toHaveLength(screen.length);
			body.forEach((row, i) => expect(row.slice(1).map((c) => c ?? '')).toEqual(screen[i]));
		}

		const villages = page.locator('table.villages');
		await villages.locator('tbody tr').first().waitFor();
		const shown = await screenRows(villages);
		const v = await download(page, page.locator('section', { has: villages }));
		expect(v.csv[0]).toEqual(['代码', '单位', '乡镇', '名次', '三牌', '挂牌原因']);
		for (const body of [v.csv.slice(1), v.xlsx.slice(2)]) {
			expect(body).toHaveLength(shown.length);
			body.forEach((row, i) => {
				expect(row[1]).toBe(shown[i][0]);
				expect(row[2]).toBe(shown[i][1]);
				expect(row[3] ?? '—').toBe(shown[i][2]);
				expect(row[4]).toBe(shown[i][3]);
			});
		}
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('trends: the table as CSV and XLSX with the values and counts on the screen; the chart as PNG', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(
			`${inject('demoUrl')}/trends/?ind=checkup_rate&level=township&g=year&from=2023-01&to=2024-12`
		);
		const table = page.locator('table.data').last();
		await table.locator('tbody tr').first().waitFor();
		await page.waitForFunction(
			() => document.querySelectorAll('main table.data tbody tr').length > 2
		);
		const screen = await screenRows(table);
		const files = await download(page, page.locator('section', { has: table }));
		expect(files.csvName).toBe('环孕情服务到位率_2023-01_2024-12.csv');
		expect(files.xlsx[0][0]).toMatch(/^指标趋势：/);
		expect(files.xlsx[0][0]).toMatch(TITLE);
		expect(files.csv[0].slice(0, 3)).toEqual(['代码', '单位', '时期']);
		for (const body of [files.csv.slice(1), files.xlsx.slice(2)]) {
			expect(body).toHaveLength(screen.length);
			body.forEach((row, i) => {
				const [unit, period, value, numerator, denominator] = screen[i];
				expect(row[1]).toBe(unit);
				expect(row[2]).toBe(period);
				if (value === '—') expect(row[3] ?? '').toBe('');
				else expect(Number(row[3])).toBeCloseTo(num(value), 2);
				expect(Number(row[4])).toBe(num(numerator));
				expect(Number(row[5])).toBe(num(denominator));
			});
		}
		// the chart's own button: a real PNG at twice the screen's resolution
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出图片' }).first().click()
		]);
		expect(png.suggestedFilename()).toMatch(/_2023-01_2024-12\.png$/);
		const bytes = readFileSync((await png.path())!);
		expect(bytes.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
		);
		const width = bytes.readUInt32BE(16);
		const canvas = await page.locator('main canvas').first().boundingBox();
		expect(width).toBe(Math.round(canvas!.width * 2));
		expect(bytes.length).toBeGreaterThan(20_000);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('SQL console: the result as XLSX with its numbers', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/explore/sql/`);
		await page
			.locator('main textarea')
			.fill('SELECT level, count(*) AS n FROM units GROUP BY level ORDER BY n');
		await page.getByRole('button', { name: '运行（Ctrl+Enter）' }).click();
		const grid = page.locator('main table').last();
		await grid.locator('tbody tr').first().waitFor();
		const screen = await screenRows(grid);
		const files = await download(page, page.locator('main'));
		expect(files.xlsx[0][0]).toMatch(/^SQL查询，SELECT level, count\(\*\) AS n FROM units/);
		expect(files.xlsx[1]).toEqual(['level', 'n']);
		expect(files.xlsx.slice(2).map((r) => [r[0], Number(r[1])])).toEqual(
			screen.map((r) => [r[0], num(r[1])])
		);
		expect(files.csv.slice(1)).toEqual(screen.map((r) => [r[0], String(num(r[1]))]));
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('quality exports', () => {
	it('the townships’ completeness as files: the counts and rates on the screen', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		await page.goto(`${inject('demoUrl')}/quality/?period=2024`);
		await page.locator('[data-testid=verdict][data-ready]').waitFor({ timeout: 90_000 });
		const table = page.locator('table.by-township');
		const screen = await screenRows(table);
		const codes = await table
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')!));
		const files = await download(page, page.locator('.grid > div', { has: table }));
		expect(files.xlsxName).toBe('数据质量_各乡镇报送情况_2024年.xlsx');
		expect(files.xlsx[0][0]).toMatch(TITLE);
		expect(files.csv[0]).toEqual([
			'代码',
			'乡镇',
			'应报',
			'已报',
			'按时',
			'迟报',
			'缺报',
			'报送率',
			'及时率'
		]);
		expect(files.csv.slice(1)).toHaveLength(screen.length);
		screen.forEach((s, i) => {
			for (const row of [files.csv[i + 1], files.xlsx[i + 2]]) {
				expect(row[0]).toBe(codes[i]);
				expect(row[1]).toBe(s[0]);
				for (let k = 1; k <= 5; k++) expect(Number(row[k + 1])).toBe(num(s[k]));
				for (let k = 6; k <= 7; k++)
					expect(Number(row[k + 1]).toFixed(1)).toBe(num(s[k]).toFixed(1));
			}
		});
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('unit names link to unit pages', () => {
	it('from the card matrix, the overview’s carded units, a funnel point and a score bar', async () => {
		const { page, context, outside, errors } = await openPage(browser);
		const base = inject('nginxSubUrl');
		// the card matrix: the name opens the unit page in the page's period
		await page.goto(`${base}/cards/?period=2024`);
		const row = page.locator('table.matrix tbody tr').first();
		await row.waitFor();
		const code = (await row.getAttribute('data-code'))!;
		const name = await row.locator('th a').innerText();
		await row.locator('th a').click();
		await page.waitForURL(new RegExp(`/kaoping/unit/\\?code=${code}&period=2024$`));
		await page.locator('main h1', { hasText: name }).waitFor();

		// the overview's carded townships
		await page.goto(`${base}/?period=2024`);
		const carded = page.locator('section.cards li').first();
		await carded.waitFor({ timeout: 60_000 });
		const cardedCode = (await carded.getAttribute('data-code'))!;
		const cardedName = await carded.locator('a').innerText();
		await carded.locator('a').click();
		await page.waitForURL(new RegExp(`/kaoping/unit/\\?code=${cardedCode}&period=2024`));
		await page.locator('main h1', { hasText: cardedName }).waitFor();

		// a funnel point: the unit its tooltip names
		await page.goto(`${base}/rankings/?period=2024`);
		const funnel = page.locator('section', { has: page.locator('#funnel-title') });
		const canvas = funnel.locator('canvas');
		await canvas.waitFor();
		await page.waitForTimeout(500); // ECharts draws on the next frames
		const dot = await canvas.evaluate((c: HTMLCanvasElement) => {
			// the centre of a filled point of the colour of "inside the limits" (#0b57a4)
			const ctx = c.getContext('2d')!;
			const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
			const blue = (x: number, y: number) => {
				const i = (y * width + x) * 4;
				return data[i] === 11 && data[i + 1] === 87 && data[i + 2] === 164;
			};
			const r = Math.round(2 * (c.width / c.clientWidth));
			for (let y = Math.round(height * 0.2); y < height - r; y++)
				for (let x = r; x < width - r; x++)
					if (blue(x, y) && blue(x - r, y) && blue(x + r, y) && blue(x, y - r) && blue(x, y + r))
						return { x: x / (c.width / c.clientWidth), y: y / (c.height / c.clientHeight) };
			return null;
		});
		expect(dot).not.toBeNull();
		await canvas.hover({ position: dot! });
		// ECharts puts its tooltip inside the chart's element: the point's unit in bold
		const tip = funnel.locator('div.chart b').first();
		await tip.waitFor();
		const pointName = (await tip.innerText()).trim();
		await canvas.click({ position: dot! });
		await page.waitForURL(/\/kaoping\/unit\/\?code=\d+&period=2024$/);
		await page.locator('main h1', { hasText: pointName }).waitFor();
		await screenshot(page, 'unit-from-funnel');

		// a bar of the score chart: the top bar is the first-ranked township
		await page.goto(`${base}/rankings/?period=2024`);
		const first = page.locator('table.ranking tbody tr').first();
		await first.waitFor();
		const bars = page.locator('section.panel', {
			has: page.locator('h2', { hasText: '综合得分与等次' })
		});
		const barCanvas = bars.locator('canvas');
		await barCanvas.waitFor();
		await page.waitForTimeout(500);
		// grid: 130 px to the left of the bars, 16 px above the first row (charts/ranking.ts)
		await barCanvas.hover({ position: { x: 150, y: 26 } });
		const barTip = bars.locator('div.chart b').first();
		await barTip.waitFor();
		const barName = (await barTip.innerText()).trim();
		expect(await first.innerText()).toContain(barName);
		await barCanvas.click({ position: { x: 150, y: 26 } });
		await page.waitForURL(/\/kaoping\/unit\/\?code=\d+&period=2024$/);
		await page.locator('main h1', { hasText: barName }).waitFor();
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
