import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Issue, Lang } from './issues';
import type { ReportFile } from './report-files';

/**
 * Converts one legacy .xls workbook into an .xlsx inside `outDir` and returns the new file's
 * path; throws with a readable message when it cannot. Passed in through the build options so
 * tests can supply their own and the real one (LibreOffice) stays optional.
 */
export type XlsConverter = (source: string, outDir: string) => string;

/** LibreOffice's command-line binary on PATH, or null. */
export function findSoffice(path = process.env.PATH ?? ''): string | null {
	for (const dir of path.split(delimiter).filter(Boolean))
		for (const name of ['soffice', 'soffice.exe', 'libreoffice']) {
			const candidate = join(dir, name);
			try {
				accessSync(candidate, constants.X_OK);
				return candidate;
			} catch {
				// not here
			}
		}
	return null;
}

/** The converter backed by LibreOffice, when it is installed. */
export function sofficeConverter(bin = findSoffice()): XlsConverter | null {
	if (!bin) return null;
	return (source, outDir) => {
		// A private profile: a LibreOffice already open on the desktop would otherwise take the
		// job over (or lock the default profile) and the conversion would silently not happen.
		const profile = pathToFileURL(join(outDir, '.profile')).href;
		execFileSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, source], {
			stdio: 'pipe',
			timeout: 120_000
		});
		const out = join(outDir, basename(source).replace(/\.xls$/i, '.xlsx'));
		if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${basename(out)}`);
		return out;
	};
}

/** Converts each .xls into its own folder (two townships may both send 月报.xls). */
export function convertXlsFiles(
	files: ReportFile[],
	convert: XlsConverter,
	outDir: string,
	lang: Lang
): { files: ReportFile[]; issues: Issue[] } {
	const out: ReportFile[] = [];
	const issues: Issue[] = [];
	files.forEach((f, k) => {
		const dir = join(outDir, String(k));
		mkdirSync(dir, { recursive: true });
		try {
			out.push({ path: f.path, abs: convert(f.abs, dir), format: 'xlsx', origin: f.abs });
		} catch (e) {
			const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
			issues.push({
				severity: 'error',
				file: f.path,
				line: null,
				column: null,
				rule: 'file_unreadable',
				detail: lang === 'zh' ? `用 LibreOffice 转换 .xls 失败（${why}），请在 Excel 中另存为 .xlsx` : `converting the .xls with LibreOffice failed (${why}); save it as .xlsx in Excel`
			});
		}
	});
	return { files: out, issues };
}
