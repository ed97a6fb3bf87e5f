// `npm run bench:explore`: the analyst tools at province scale, in real Chromium against the
// built site on 127.0.0.1 with bench/output/province-extracts (`npm run bench:build` makes them).
//  - 数据探索 pivot: every village of a township × 12 months × 8 indicators, with the village
//    files of one township loaded, then of ten: p50 of the query (asked → rows in the page) and
//    of the render (rows → table built and painted), as the page itself times them.
//  - SQL console: a 3,000,000-row result; the first batch (≥ 1,000 rows) and the first page on
//    screen.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { defaultConfig } from '../src/cli/config-files';
import type { Manifest } from '../src/lib/extract/schema';
import { monthIndex, monthText } from '../src/lib/periods';
import { launch } from '../tests/browser/browser';
import { serveDir } from '../tests/browser/serve';
import { buildSite, deploySite } from '../tests/browser/site';
import { truth } from '../tests/browser/truth';

const PROVINCE = 'bench/output/province-extracts';
const RUNS = 7;
const SQL_RUNS = 5;
const YEAR = 2024;

interface PivotTiming {
	key: string;
	queryMs: number;
	buildMs: number;
	renderMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

/** Opens a pivot and waits until the page has timed the one it asked for. */
async function pivot(page: Page, url: string, previous: string): Promise<PivotTiming> {
	await page.goto(url);
	const handle = await page.waitForFunction(
		(before) => {
			const t = (window as unknown as { __kp?: { pivot?: PivotTiming } }).__kp?.pivot;
			return t && t.key !== before && t.renderMs > 0 ? t : null;
		},
		previous,
		{ timeout: 180_000, polling: 20 }
	);
	return (await handle.jsonValue()) as PivotTiming;
}

async function benchPivot(base: string, manifest: Manifest) {
	// the explore page takes its county from the manifest's first (a village pivot's scope is one
	// of its townships)
	const county = manifest.counties[0].code;
	const townships = (
		await truth<{ code: string; villages: number }>(
			PROVINCE,
			`SELECT t.code, count(v.code) AS villages FROM units t JOIN units v ON v.parent_code = t.code
			 WHERE t.parent_code = '${county}' AND t.level = 'township' GROUP BY t.code ORDER BY t.code LIMIT 10`
		)
	).map((r) => ({ code: r.code, villages: Number(r.villages) }));
	if (townships.length < 10) throw new Error(`county ${county} has fewer than 10 townships`);
	const fields = Object.keys(defaultConfig().schemes.get(YEAR)!.indicators).slice(0, 8);
	if (fields.length < 8) throw new Error(`the ${YEAR} scheme scores fewer than 8 indicators`);
	// 12 months by month, ending `back` months before December of YEAR
	const view = (scope: string, back: number) => {
		const to = monthIndex(YEAR, 12) - back;
		return (
			`${base}/explore/?level=village&scope=${scope}&rows=both&g=month` +
			`&from=${monthText(to - 11)}&to=${monthText(to)}&f=${fields.join(',')}`
		);
	};
	const browser = await launch();
	const out: Record<
		'one' | 'ten',
		{ query: number[]; build: number[]; render: number[]; lines: number }
	> = {
		one: { query: [], build: [], render: [], lines: 0 },
		ten: { query: [], build: [], render: [], lines: 0 }
	};
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
		const lines = () => page.locator('table.pivot tbody tr').count();
		let last = '';
		// warm: the engine and the first township's village file (loading is not the query)
		last = (await pivot(page, view(townships[0].code, 0), last)).key;
		// a different 12-month window each run: a new query, not an answer from the page's cache
		for (let i = 0; i < RUNS; i++) {
			const t = await pivotSameTab(page, view(townships[0].code, i + 1), last);
			last = t.key;
			out.one.query.push(t.queryMs);
			out.one.build.push(t.buildMs);
			out.one.render.push(t.renderMs);
		}
		out.one.lines = await lines();
		// nine more townships' village files into the same village_month table
		for (const t of townships.slice(1))
			last = (await pivotSameTab(page, view(t.code, 0), last)).key;
		for (let i = 0; i < RUNS; i++) {
			const t = await pivotSameTab(page, view(townships[0].code, i + 1 + RUNS), last);
			last = t.key;
			out.ten.query.push(t.queryMs);
			out.ten.build.push(t.buildMs);
			out.ten.render.push(t.renderMs);
		}
		out.ten.lines = await lines();
	} finally {
		await browser.close();
	}
	const villages = townships[0].villages;
	console.log(
		`\n数据探索 pivot: ${villages} villages of township ${townships[0].code} × 12 months × 8 indicators (${fields.join(', ')})`
	);
	for (const [name, r] of [
		['1 township loaded', out.one],
		['10 townships loaded', out.ten]
	] as const)
		console.log(
			`  ${name}: query p50 ${ms(median(r.query))} · render p50 ${ms(median(r.render))}` +
				` (of which building the table ${median(r.build).toFixed(1)} ms; the rest is Svelte's DOM, the chart and the paint) · ${r.lines} lines` +
				` (runs: query ${r.query.map(Math.round).join(', ')}; render ${r.render.map(Math.round).join(', ')})`
		);
}

/**
 * Changes the pivot inside the running page (the app's own client-side navigation), so that the
 * engine and the loaded files stay: a page load would start from nothing each time.
 */
async function pivotSameTab(page: Page, url: string, previous: string): Promise<PivotTiming> {
	const search = new URL(url).search;
	await page.evaluate((s) => {
		const a = document.createElement('a');
		a.href = s;
		document.body.append(a);
		a.click();
		a.remove();
	}, search);
	const handle = await page.waitForFunction(
		(before) => {
			const t = (window as unknown as { __kp?: { pivot?: PivotTiming } }).__kp?.pivot;
			return t && t.key !== before ? t : null;
		},
		previous,
		{ timeout: 180_000, polling: 20 }
	);
	return (await handle.jsonValue()) as PivotTiming;
}

// In-page code as text: tsx would wrap named functions in a helper that the page does not have.
const TIMED_RUN = `(sql) => new Promise((resolve) => {
	const editor = document.querySelector('main textarea');
	editor.value = sql;
	editor.dispatchEvent(new Event('input', { bubbles: true }));
	const old = document.querySelector('[data-testid=sql-summary]');
	const started = performance.now();
	const button = [...document.querySelectorAll('main button')].find((b) => /运行|Run/.test(b.textContent));
	button.click();
	const poll = () => {
		const summary = document.querySelector('[data-testid=sql-summary]');
		const rows = document.querySelectorAll('[data-testid=sql-grid] tbody tr').length;
		if (summary && summary !== old && rows > 0)
			requestAnimationFrame(() => setTimeout(() => resolve({
				shown: performance.now() - started,
				first: Number(summary.dataset.firstMs),
				total: Number(summary.dataset.ms),
				rows: Number(summary.dataset.rows),
				pageRows: rows
			})));
		else setTimeout(poll, 2);
	};
	poll();
})`;

async function benchSql(base: string) {
	const browser = await launch();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
		await page.goto(`${base}/explore/sql/`);
		await page.getByRole('button', { name: /运行|Run/ }).waitFor({ timeout: 120_000 });
		for (const sql of [
			'SELECT range AS i, range * 0.5 AS half, range % 97 AS mod97 FROM range(3000000)',
			// sorted: DuckDB must see all 3,000,000 rows before the first one comes out
			'SELECT range AS i, range * 0.5 AS half, range % 97 AS mod97 FROM range(3000000) ORDER BY half DESC'
		]) {
			const runs: { shown: number; first: number; total: number; rows: number }[] = [];
			for (let i = 0; i < SQL_RUNS + 1; i++) {
				// a new query text each time, so nothing is answered from a cache
				const r = (await page.evaluate(
					`(${TIMED_RUN})(${JSON.stringify(`${sql} -- run ${i}`)})`
				)) as (typeof runs)[number];
				if (i > 0) runs.push(r); // the first run opens the console's connection
				await page.waitForTimeout(200);
			}
			console.log(`\nSQL console: ${sql}`);
			console.log(
				`  first batch (≥ 1,000 rows) p50 ${ms(median(runs.map((r) => r.first)))} · first page on screen p50 ${ms(median(runs.map((r) => r.shown)))}` +
					` (fetch stops at the console's ${runs[0].rows.toLocaleString('en')}-row limit after p50 ${ms(median(runs.map((r) => r.total)))})`
			);
			console.log(`  runs (first page shown): ${runs.map((r) => Math.round(r.shown)).join(', ')}`);
		}
	} finally {
		await browser.close();
	}
}

if (!existsSync(join(PROVINCE, 'manifest.json'))) {
	console.log(`no ${PROVINCE}: run \`npm run bench:build\` first`);
	process.exit(1);
}
if (!process.argv.includes('--no-build')) buildSite();
const manifest = JSON.parse(readFileSync(join(PROVINCE, 'manifest.json'), 'utf8')) as Manifest;
const server = await serveDir(deploySite('bench-explore', PROVINCE));
try {
	await benchPivot(server.url, manifest);
	await benchSql(server.url);
} finally {
	await server.close();
}
