// `npm run bench:browser`: real Chromium against the built site on 127.0.0.1, for the demo
// county and a province-size extract set. Prints first visits at 10 Mbit/s with and without
// compression (bench-transfer.ts), then medians of 7 cold loads (first number on screen, DuckDB
// ready, first chart, bytes) interleaved with the floor's bare pages (bench-floor.ts) and their
// ratios site / floor, p50/p95 of 20 interactions on the trends page, and of the first switch to
// each level on fresh pages against later switches (bench-levels.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/browser/browser';
import { serveDir } from '../tests/browser/serve';
import { buildSite, demoExtracts, deploySite } from '../tests/browser/site';
import { benchTransfer } from './bench-transfer';
import { writeFloorPages, type FloorKind } from './bench-floor';
import { levelSwitches, mark, median, p95, reportLevels, timedChange } from './bench-levels';

const COLD_LOADS = Number(process.env.BENCH_LOADS ?? 7);
const INTERACTIONS = 20;
const PROVINCE = 'bench/output/province-extracts';

async function coldLoads(url: string, bytes: () => number, floors: Record<FloorKind, string>) {
	const browser = await launch();
	const out = {
		floor: {
			wasm: [] as number[],
			duckdb: [] as number[],
			worker: [] as number[],
			json: [] as number[],
			// where the JSON page's one script starts: a page's own floor before any request
			jsonStart: [] as number[]
		},
		firstNumber: [] as number[],
		engineReady: [] as number[],
		// ready, then the township table the engine loads unasked (plan.ts LOADED_AFTER_READY)
		tablesIn: [] as number[],
		duckdbOpen: [] as number[],
		// where the first number's time goes: the page's first script (boot.js), the app's
		// scripts running, then the data in
		boot: [] as number[],
		appStart: [] as number[],
		// the app's first paint (its header and a status line): where SvelteKit alone gets to
		firstPaint: [] as number[],
		dataIn: [] as number[],
		firstChart: [] as number[],
		bytes: [] as number[],
		ranking: [] as number[],
		rankingByEngine: [] as number[]
	};
	try {
		for (let i = 0; i < COLD_LOADS; i++) {
			for (const [path, metric] of [
				['/', 'overview'],
				['/trends/', 'trends/'],
				// the default ranking comes precomputed; the half-year check needs the engine
				['/rankings/', 'ranking'],
				['/rankings/?period=2024H1', 'rankingByEngine']
			] as const) {
				const context = await browser.newContext({
					locale: 'zh-CN',
					viewport: { width: 1280, height: 860 }
				});
				const page = await context.newPage();
				const before = bytes();
				await page.goto(url + path);
				if (metric === 'overview') {
					out.firstNumber.push(await mark(page, 'kp:first-number'));
					out.engineReady.push(await mark(page, 'kp:engine-ready'));
					out.tablesIn.push(await mark(page, 'kp:tables-in'));
					out.duckdbOpen.push(await mark(page, 'kp:duckdb-open'));
					out.boot.push(await mark(page, 'kp:boot'));
					out.appStart.push(await mark(page, 'kp:app-start'));
					out.firstPaint.push(await mark(page, 'first-contentful-paint'));
					out.dataIn.push(await mark(page, 'kp:data'));
					out.bytes.push(bytes() - before);
				} else if (metric === 'trends/') out.firstChart.push(await mark(page, 'kp:first-chart'));
				else out[metric].push(await mark(page, 'kp:ranking'));
				await context.close();
				// the floor right after the site's overview: both see the machine in the same state
				if (metric === 'overview')
					for (const kind of ['wasm', 'duckdb', 'worker', 'json'] as const) {
						const bare = await browser.newContext();
						const page = await bare.newPage();
						await page.goto(url + floors[kind]);
						out.floor[kind].push(await mark(page, 'floor:done'));
						if (kind === 'json') out.floor.jsonStart.push(await mark(page, 'floor:start'));
						await bare.close();
					}
			}
		}
	} finally {
		await browser.close();
	}
	return out;
}

async function interactions(url: string) {
	const browser = await launch();
	const times = { indicator: [] as number[], units: [] as number[] };
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
		await page.goto(url + '/trends/');
		await mark(page, 'kp:engine-ready');
		await mark(page, 'kp:first-chart');
		const indicators = await page
			.locator('select[name=indicator] option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const levels = ['township', 'county'];
		// Timed inside the page from the input event to the redrawn chart, so that Playwright's own
		// actionability checks and CDP round trips are not counted as the app's latency.
		for (let i = 0; i < INTERACTIONS; i++) {
			const kind = i % 2 === 0 ? 'indicator' : 'units';
			const value =
				kind === 'indicator'
					? indicators[(i / 2 + 1) % indicators.length]
					: levels[((i - 1) / 2) % 2];
			times[kind].push(await timedChange(page, kind, value));
			await page.waitForTimeout(100);
		}
	} finally {
		await browser.close();
	}
	return times;
}

function report(
	name: string,
	cold: Awaited<ReturnType<typeof coldLoads>>,
	inter: Awaited<ReturnType<typeof interactions>>,
	targets: { p50: number; p95: number }
) {
	const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
	const all = [...inter.indicator, ...inter.units];
	console.log(`\n${name}`);
	console.log(
		`  cold loads (median of ${COLD_LOADS}): first number ${ms(median(cold.firstNumber))} · DuckDB open ${ms(median(cold.duckdbOpen))} · ready with the first tables ${ms(median(cold.engineReady))} · every table but the villages' ${ms(median(cold.tablesIn))} · first chart ${ms(median(cold.firstChart))} · ${(median(cold.bytes) / 1e6).toFixed(1)} MB transferred (uncompressed)`
	);
	console.log(
		`  first number's path (medians): page's first script (boot.js) ${ms(median(cold.boot))} · app's scripts running ${ms(median(cold.appStart))} · page's first paint (header) ${ms(median(cold.firstPaint))} · manifest, configuration and first results read ${ms(median(cold.dataIn))} · number on screen ${ms(median(cold.firstNumber))}`
	);
	console.log(
		`  rankings page: first ranking (precomputed) ${ms(median(cold.ranking))} · ranking computed by the engine ${ms(median(cold.rankingByEngine))}`
	);
	console.log(
		`  runs: first number ${cold.firstNumber.map(Math.round).join(', ')} · DuckDB open ${cold.duckdbOpen.map(Math.round).join(', ')} · ready ${cold.engineReady.map(Math.round).join(', ')} · chart ${cold.firstChart.map(Math.round).join(', ')}`
	);
	console.log(
		`  interactions (${all.length}): p50 ${ms(median(all))} · p95 ${ms(p95(all))} (indicator p50 ${ms(median(inter.indicator))}, units p50 ${ms(median(inter.units))})`
	);
	const ok = median(cold.firstNumber) < 1000 && median(all) < targets.p50 && p95(all) < targets.p95;
	console.log(
		`  targets: first number < 1,000 ms, p50 < ${targets.p50} ms, p95 < ${targets.p95} ms → ${ok ? 'met' : 'NOT met'}`
	);
	const f = cold.floor;
	const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
	console.log(
		`  floor (bare pages, median of ${COLD_LOADS}): wasm fetch+compile ${ms(median(f.wasm))} · AsyncDuckDB + SELECT 1 ${ms(median(f.duckdb))} · the first numbers' precomputed JSON fetch+parse ${ms(median(f.json))} (its script starts at ${ms(median(f.jsonStart))})`
	);
	// the site's engine worker alone: near 1 means the gap above is the app sharing the machine
	console.log(
		`  the site's engine worker on a bare page (no app), AsyncDuckDB + SELECT 1: ${ms(median(f.worker))} · ${ratio(f.worker, f.duckdb)} × the floor`
	);
	const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
	const openRatio = median(cold.duckdbOpen) / median(f.duckdb);
	const firstRatio = median(cold.firstNumber) / median(f.json);
	console.log(
		`  site / floor: DuckDB open ${openRatio.toFixed(2)} (target ≤ 1.15 → ${met(openRatio <= 1.15)}; with the first tables in ${ratio(cold.engineReady, f.duckdb)}) · first number ${firstRatio.toFixed(2)} (target ≤ 2.5 → ${met(firstRatio <= 2.5)}; under 300 ms on an idle machine → ${met(median(cold.firstNumber) < 300)})`
	);
	console.log(
		`  ratios: first number / DuckDB ready = ${(median(cold.firstNumber) / median(cold.engineReady)).toFixed(2)}; p95 / p50 = ${(p95(all) / median(all)).toFixed(1)}`
	);
}

if (!process.argv.includes('--no-build')) buildSite();
// `npm run bench:browser -- --transfer-only`: only the throttled first visits; `--no-transfer`:
// everything but them (they take minutes at 10 Mbit/s)
if (!process.argv.includes('--no-transfer')) await benchTransfer(demoExtracts());
if (process.argv.includes('--transfer-only')) process.exit(0);
const sets: [string, string, { p50: number; p95: number }][] = [
	['demo county', demoExtracts(), { p50: 50, p95: 150 }]
];
const only = process.env.BENCH_SETS; // e.g. BENCH_SETS=demo
if (only === 'demo') console.log('(BENCH_SETS=demo: province set skipped)');
else if (existsSync(join(PROVINCE, 'manifest.json')))
	sets.push(['province (1,500 townships, 25,000 villages)', PROVINCE, { p50: 150, p95: 400 }]);
else console.log(`(no ${PROVINCE}: run \`npm run bench:build\` first for the province-size set)`);
for (const [name, extracts, targets] of sets) {
	const site = deploySite(`bench-${name.split(' ')[0]}`, extracts);
	const floors = await writeFloorPages(site);
	const server = await serveDir(site);
	try {
		report(
			name,
			await coldLoads(server.url, server.bytesSent, floors),
			await interactions(server.url),
			targets
		);
		reportLevels(await levelSwitches(server.url));
	} finally {
		await server.close();
	}
}
