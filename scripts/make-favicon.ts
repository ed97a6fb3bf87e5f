// `tsx scripts/make-favicon.ts`: draws scripts/favicon.svg into static/favicon.png with Chromium.
// The site links the PNG: an SVG icon is decoded on the page's main thread as a whole SVG
// document, and its 考, set in the system's CJK font, took ~70 ms of a cold load's first 700 ms
// on a 2-core machine — just when the first number is being drawn. The SVG stays the source.
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../tests/browser/browser';

const SIZE = 32;
const svg = readFileSync('scripts/favicon.svg', 'utf8');
const browser = await launch();
try {
	const page = await browser.newPage({
		viewport: { width: SIZE, height: SIZE },
		deviceScaleFactor: 1
	});
	const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${SIZE}" height="${SIZE}">`
	);
	await page.waitForFunction(() => document.images[0]?.complete);
	writeFileSync('static/favicon.png', await page.screenshot({ omitBackground: true }));
} finally {
	await browser.close();
}
