import { existsSync } from 'node:fs';
import type { Lang } from '../lib/i18n';
import { serveSite } from './serve-site';

/** Where Chromium is looked for: --chromium, then KAOPING_CHROMIUM, then Debian's package. */
export function findChromium(option: string | undefined, env = process.env): string {
	const path = option ?? env.KAOPING_CHROMIUM ?? '/usr/bin/chromium';
	const from = option ? '--chromium' : env.KAOPING_CHROMIUM ? 'KAOPING_CHROMIUM' : 'the default';
	if (!existsSync(path))
		throw new Error(
			`Chromium not found at ${path} (${from}): install it (Debian: apt-get install chromium fonts-noto-cjk) or give its path with --chromium PATH or KAOPING_CHROMIUM`
		);
	return path;
}

export interface PrintRequest {
	site: string;
	data: string;
	period: string;
	lang: Lang;
	chromium: string;
	format: 'pdf' | 'html';
}

/** How long the page may take to load the engine and compute: a slow machine, not a hang. */
const READY_TIMEOUT = 120_000;

/**
 * Opens the 通报 page of the built site in headless Chromium, waits for the mark it sets when
 * every number is in (and for its fonts), and prints it: the PDF as the browser prints it (A4,
 * the page's own margins and numbers), or the sheet as one self-contained HTML file.
 */
export async function printBulletin(req: PrintRequest): Promise<Uint8Array> {
	// Chromium's driver is loaded by this command only: build and assess start without it
	const { chromium } = await import('playwright-core').catch(() => {
		throw new Error('playwright-core is not installed: run npm ci in the kaoping folder');
	});
	const server = await serveSite(req.site, req.data);
	const browser = await chromium.launch({
		executablePath: req.chromium,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
	});
	try {
		const context = await browser.newContext({ locale: req.lang === 'en' ? 'en' : 'zh-CN' });
		// the site asks nothing outside its origin; should it ever, the PDF must not wait for it
		await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|blob:)/, (r) => r.abort());
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const q = new URLSearchParams({ period: req.period });
		if (req.lang === 'en') q.set('lang', 'en');
		await page.goto(`${server.url}/bulletin/?${q}`);
		const ready = page.locator('[data-bulletin-ready]');
		const alert = page.locator('main [role=alert]');
		await Promise.race([
			ready.waitFor({ state: 'attached', timeout: READY_TIMEOUT }),
			alert.first().waitFor({ state: 'attached', timeout: READY_TIMEOUT })
		]).catch(() => {
			throw new Error(
				`the bulletin page did not finish within ${READY_TIMEOUT / 1000} s${errors.length ? `: ${errors.join('; ')}` : ''}`
			);
		});
		if ((await ready.count()) === 0)
			throw new Error(`the bulletin page says: ${(await alert.first().innerText()).trim()}`);
		await page.evaluate(() => document.fonts.ready);
		if (req.format === 'pdf')
			return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
		return new TextEncoder().encode(await page.evaluate(standaloneHtml));
	} finally {
		await browser.close();
		await server.close();
	}
}

/**
 * Runs in the page: the sheet with every style rule the page has, as one HTML file that opens
 * without the site (in a browser, or in Word/WPS to edit the wording) and loads nothing.
 */
function standaloneHtml(): string {
	const sheet = document.querySelector('[data-bulletin-ready]')!;
	const css = [...document.styleSheets]
		.flatMap((s) => {
			try {
				return [...s.cssRules].map((r) => r.cssText);
			} catch {
				return [];
			}
		})
		.join('\n');
	// no named helper in here: the CLI's TypeScript loader would wrap it in a function the page lacks
	const title = (sheet.querySelector('h1')?.textContent ?? document.title)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
	return `<!doctype html>
<html lang="${document.documentElement.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
${css}
</style>
</head>
<body><main>${sheet.outerHTML}</main></body>
</html>
`;
}
