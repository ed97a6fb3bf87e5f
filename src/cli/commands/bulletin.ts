import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { ConfigError } from '../../lib/config';
import type { Manifest } from '../../lib/extract/schema';
import { bulletinPeriods } from '../../lib/views/bulletin-state';
import { parseArgs, UsageError } from '../args';
import { publishedConfig } from '../assess-data';
import type { Command } from '../effects';
import { findChromium, printBulletin } from '../print-bulletin';

const USAGE =
	'kaoping bulletin --period P --out FILE.pdf|FILE.html [--data DIR] [--lang zh|en] [--site DIR] [--chromium PATH]';

/** The package's own folder: `build/` is where `npm run build` writes the site. */
const PACKAGE = resolve(import.meta.dirname, '../../..');

export const bulletinCommand: Command = {
	name: 'bulletin',
	summary: 'the printable ranking bulletin as PDF or HTML (排名通报)',
	usage: USAGE,
	async run(argv, fx) {
		const started = performance.now();
		const args = parseArgs(argv, {
			period: { value: true, required: true },
			out: { value: true, required: true },
			data: { value: true },
			lang: { value: true },
			site: { value: true },
			chromium: { value: true }
		});
		const out = resolve(String(args.out));
		const format = ({ '.pdf': 'pdf', '.html': 'html', '.htm': 'html' } as const)[
			extname(out).toLowerCase() as '.pdf'
		];
		if (!format) throw new UsageError(`--out must end in .pdf or .html, not "${String(args.out)}"`);
		const lang = args.lang ?? 'zh';
		if (lang !== 'zh' && lang !== 'en')
			throw new UsageError(`--lang must be zh or en, not "${String(lang)}"`);
		const data = resolve(String(args.data ?? 'static/data'));
		if (!existsSync(join(data, 'manifest.json')))
			throw new Error(
				`${data} holds no extract set (manifest.json): publish one with kaoping build, or name it with --data`
			);
		const site = resolve(String(args.site ?? join(PACKAGE, 'build')));
		if (!existsSync(join(site, 'bulletin', 'index.html')))
			throw new Error(`${site} holds no built site with a bulletin page: run npm run build first`);
		const period = String(args.period);
		try {
			const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
			const periods = bulletinPeriods(publishedConfig(data, manifest), manifest);
			if (!periods.includes(period))
				throw new UsageError(
					`--period ${period} has no assessment in ${data}; ${periods.length ? `choose one of: ${periods.join(', ')}` : 'it holds no complete assessment period yet'}`
				);
		} catch (e) {
			if (e instanceof ConfigError) {
				fx.stderr(`${e.message}\n`);
				return 1;
			}
			throw e;
		}
		const chromium = findChromium(args.chromium === undefined ? undefined : String(args.chromium));
		const bytes = await printBulletin({ site, data, period, lang, chromium, format });
		// a reader never sees half a file: written beside it, then renamed over it
		const tmp = join(dirname(out), `.${Date.now()}-${process.pid}.kaoping-tmp`);
		mkdirSync(dirname(out), { recursive: true });
		try {
			writeFileSync(tmp, bytes);
			renameSync(tmp, out);
		} finally {
			rmSync(tmp, { force: true });
		}
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		const pages = format === 'pdf' ? pdfPages(bytes) : null;
		fx.stderr(
			lang === 'zh'
				? `已写出 ${out}${pages ? `（${pages} 页）` : ''}，用时 ${seconds} 秒\n`
				: `wrote ${out}${pages ? ` (${pages} pages)` : ''} in ${seconds} s\n`
		);
		return 0;
	}
};

/** Pages of a PDF as Chromium writes it (one /Type /Page object each): for the message only. */
function pdfPages(bytes: Uint8Array): number {
	return (
		Buffer.from(bytes)
			.toString('latin1')
			.match(/\/Type\s*\/Page(?!s)/g) ?? []
	).length;
}
