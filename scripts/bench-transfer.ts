// First visits over a county link: Chromium throttled to 10 Mbit/s with 20 ms latency (CDP), the
// built site on Debian's nginx plain and with the README's compression lines (gzip_static). Per
// server: medians of cold loads — bytes on the wire, first number on screen, DuckDB ready.
import type { Browser, Page } from 'playwright-core';
import { launch } from '../tests/browser/browser';
import { startNginx, type LoggingNginx } from '../tests/browser/nginx';
import { deploySite } from '../tests/browser/site';

const MBIT = 10;
const LATENCY_MS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const markAt = (page: Page, name: string) =>
	page
		.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
			timeout: 300_000,
			polling: 50
		})
		.then(() => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name));

async function coldVisit(browser: Browser, nginx: LoggingNginx) {
	const context = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1280, height: 860 }
	});
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: LATENCY_MS,
			downloadThroughput: (MBIT * 1e6) / 8,
			uploadThroughput: (MBIT * 1e6) / 8
		});
		// counted by nginx: the throttling above reaches the page's workers, DevTools' byte counts
		// on the page do not (the engine's wasm comes through DuckDB's worker)
		const before = nginx.served().length;
		await page.goto(nginx.url + '/');
		const firstNumber = await markAt(page, 'kp:first-number');
		const engineReady = await markAt(page, 'kp:engine-ready');
		const bytes = nginx
			.served()
			.slice(before)
			.reduce((n, r) => n + r.bytes, 0);
		return { firstNumber, engineReady, bytes };
	} finally {
		await context.close();
	}
}

export async function benchTransfer(extracts: string, runs = 3): Promise<void> {
	const root = deploySite('bench-transfer', extracts);
	console.log(
		`\nfirst visit at ${MBIT} Mbit/s, ${LATENCY_MS} ms latency (overview, demo county, median of ${runs})`
	);
	for (const [name, compress] of [
		['nginx default (HTML compressed only)', false],
		['nginx + gzip_static on; gzip_types … (README)', true]
	] as const) {
		const nginx = await startNginx(root, compress ? 'bench-gzip' : 'bench-plain', { compress });
		const browser = await launch();
		const out = { firstNumber: [] as number[], engineReady: [] as number[], bytes: [] as number[] };
		try {
			for (let i = 0; i < runs; i++) {
				const r = await coldVisit(browser, nginx);
				out.firstNumber.push(r.firstNumber);
				out.engineReady.push(r.engineReady);
				out.bytes.push(r.bytes);
			}
		} finally {
			await browser.close();
			await nginx.stop();
		}
		const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		console.log(
			`  ${name}: ${(median(out.bytes) / 1e6).toFixed(1)} MB on the wire · first number ${s(median(out.firstNumber))} · DuckDB ready ${s(median(out.engineReady))}` +
				`  (ready: ${out.engineReady.map(s).join(', ')})`
		);
	}
}
