import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OUTPUT } from './site';

/**
 * Debian's Chromium driven by playwright-core. Every request that leaves 127.0.0.1 is aborted
 * and recorded: the site must work on an intranet with no internet.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export interface GuardedPage {
	page: Page;
	context: BrowserContext;
	/** URLs of requests that tried to leave the machine. */
	outside: string[];
	/** Uncaught page errors and console errors. */
	errors: string[];
}

export async function openPage(
	browser: Browser,
	options: { locale?: string } = {}
): Promise<GuardedPage> {
	const context = await browser.newContext({
		locale: options.locale ?? 'zh-CN',
		viewport: { width: 1280, height: 860 }
	});
	const outside: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		const local =
			['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
			['data:', 'blob:'].includes(url.protocol);
		if (local) return route.continue();
		outside.push(url.href);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	return { page, context, outside, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
	const dir = join(OUTPUT, 'screenshots');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}
