import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT } from './site';

/** A printed page as poppler reads it back: its text, sheet by sheet, and where each word sits. */
export interface Printed {
	path: string;
	/** `pdftotext -layout`, one string per sheet: a table row stays on one line. */
	sheets: string[];
	/** Every word with its right edge, in points from the sheet's left edge. */
	words: { sheet: number; text: string; xMax: number }[];
	/** Sheet size in points. */
	size: { width: number; height: number };
}

/** Prints the page to an A4 PDF as Chromium prints it, and renders each sheet to a small PNG. */
export async function printToPdf(page: Page, name: string): Promise<Printed> {
	const dir = join(OUTPUT, 'print');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${name}.pdf`);
	writeFileSync(path, await page.pdf({ format: 'A4' }));
	for (const f of readdirSync(dir))
		if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(dir, f));
	execFileSync('pdftoppm', ['-png', '-r', '60', path, join(dir, name)]);
	const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
	const bbox = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
	const words: Printed['words'] = [];
	let sheet = -1;
	for (const line of bbox.split('\n')) {
		if (line.includes('<page ')) sheet++;
		const w = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(
			line
		);
		if (w) words.push({ sheet, text: unescapeXml(w[2]), xMax: Number(w[1]) });
	}
	const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
		execFileSync('pdfinfo', [path], { encoding: 'utf8' })
	)!;
	return {
		path,
		sheets: text.split('\f').filter((s) => s.trim()),
		words,
		size: { width: Number(width), height: Number(height) }
	};
}

const unescapeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

/** A regular expression for cells printed side by side on one line, in this order. */
export const onOneLine = (cells: string[]) =>
	new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]+'));
