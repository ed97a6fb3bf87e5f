import type { Page } from 'playwright-core';

/**
 * Every page of the site, with what shows that its data has arrived: checks of the finished
 * page (axe-core, phone width, screenshots) must not pass on a half-drawn one.
 */
export const EVERY_PAGE: { name: string; path: string; loaded: string }[] = [
	{
		name: 'overview',
		path: '',
		loaded: '[data-indicator] .value[data-value]:not([data-value=""])'
	},
	{ name: 'trends', path: 'trends/', loaded: 'table.data tbody tr' },
	{ name: 'rankings', path: 'rankings/', loaded: 'table.ranking tbody tr' },
	// the villages' cards come last, after the county's
	{ name: 'cards', path: 'cards/', loaded: 'table.villages tbody tr' },
	{ name: 'about', path: 'about/', loaded: 'table.weights tbody tr' },
	{ name: 'diagnostics', path: 'diagnostics/', loaded: '[data-testid=check] [data-count]' },
	{ name: 'explore', path: 'explore/', loaded: 'main table tbody tr' },
	{ name: 'sql', path: 'explore/sql/', loaded: 'main textarea' },
	{ name: 'quality', path: 'quality/', loaded: '[data-testid=verdict][data-ready]' },
	{ name: 'bulletin', path: 'bulletin/', loaded: '[data-bulletin-ready]' },
	// a township's page: its standing, tiles and villages (pages of units are reached by links)
	{ name: 'unit', path: 'unit/?code=990101001', loaded: 'table.children tbody tr' }
];

export const LANGS = ['zh', 'en'] as const;

/** The phone the page checks use (an iPhone 12-14's CSS pixels). */
export const PHONE = { width: 390, height: 844 };

/** A page's path in a language: `?lang=en`, or `&lang=en` after a query of its own. */
export const withLang = (path: string, lang: (typeof LANGS)[number]): string =>
	lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;

/** Opens a page in a language and waits until its data is shown and nothing is computing. */
export async function openLoaded(
	page: Page,
	base: string,
	p: (typeof EVERY_PAGE)[number],
	lang: (typeof LANGS)[number]
): Promise<void> {
	await page.goto(`${base}/${withLang(p.path, lang)}`);
	await page.locator(p.loaded).first().waitFor({ state: 'attached', timeout: 60_000 });
	if (p.name !== 'diagnostics')
		await page.locator('header [role=status] .ok').waitFor({ timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
	// the trends table is laid out a frame after its chart; charts draw on the next frames
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

/**
 * The page's scroll boxes (ScrollRegion) that a keyboard cannot reach or a screen reader cannot
 * name: each must be a focusable region with a label, or labelled by an element with text.
 */
export function unreachableScrollBoxes(page: Page): Promise<string[]> {
	return page.locator('.scroll').evaluateAll((boxes) =>
		boxes.flatMap((box, i) => {
			const by = box.getAttribute('aria-labelledby');
			const name =
				box.getAttribute('aria-label')?.trim() ||
				(by ? document.getElementById(by)?.textContent?.trim() : '');
			const ok = box.getAttribute('role') === 'region' && box.getAttribute('tabindex') === '0';
			return ok && name ? [] : [`scroll box ${i} (${box.firstElementChild?.className ?? ''})`];
		})
	);
}
