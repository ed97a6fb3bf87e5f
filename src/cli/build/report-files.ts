import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Issue, Lang } from './issues';
import { convertXlsFiles, type XlsConverter } from './xls-convert';

/** How a report file is read: XLSX and XLSM are the same OOXML; TSV is CSV with tabs. */
export type ReportFormat = 'csv' | 'tsv' | 'xlsx';

export interface ReportFile {
	/** Path relative to the input directory, as every finding names it: reports/甲镇.xls. */
	path: string;
	/** The file actually read (a converted copy for .xls). */
	abs: string;
	format: ReportFormat;
	/** The county's own file when `abs` is a converted copy: its hash goes into the manifest. */
	origin?: string;
}

export interface ListOptions {
	lang: Lang;
	/** --convert-xls: read .xls through LibreOffice instead of refusing it. */
	convertXls: boolean;
	/** The converter (LibreOffice on PATH), or null when there is none. */
	xlsConverter: XlsConverter | null;
	/** Scratch folder for converted copies; the input is never modified. */
	workDir: string;
}

const READ_AS: Record<string, ReportFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.xlsx': 'xlsx', '.xlsm': 'xlsx' };

/** Files office software and operating systems leave beside documents; never reports. */
const SYSTEM_FILES = /^(?:~\$.*|\.~lock\..*#|\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i;

/** What to do with each format a county office may have saved instead (shown to the user). */
const ADVICE: Record<string, { zh: string; en: string }> = {
	'.xlsb': { zh: 'Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx', en: 'Excel binary workbook (.xlsb): save it as .xlsx in Excel' },
	'.ods': { zh: 'OpenDocument 表格（.ods），请另存为 .xlsx', en: 'OpenDocument spreadsheet (.ods): save it as .xlsx' },
	'.et': { zh: 'WPS 表格（.et），请在 WPS 中另存为 .xlsx', en: 'WPS spreadsheet (.et): save it as .xlsx in WPS' },
	'.txt': { zh: '文本文件（.txt），如为 Excel 导出的“Unicode 文本”请改扩展名为 .tsv，逗号分隔的改为 .csv', en: 'text file (.txt): rename Excel "Unicode text" exports to .tsv, comma-separated ones to .csv' }
};

function advice(ext: string, lang: Lang): string {
	const known = ADVICE[ext];
	if (known) return known[lang];
	const shown = ext || (lang === 'zh' ? '无扩展名' : 'no extension');
	return lang === 'zh'
		? `${shown}：月报须为 .csv、.tsv、.xlsx 或 .xlsm，请另存为 .xlsx 或移出 reports/`
		: `${shown}: reports must be .csv, .tsv, .xlsx or .xlsm; save it as .xlsx or move it out of reports/`;
}

export function xlsAdvice(lang: Lang, convertRequested: boolean): string {
	if (convertRequested)
		return lang === 'zh'
			? 'Excel 97–2003 工作簿（.xls）：--convert-xls 需要 LibreOffice（soffice），本机未找到；请安装 LibreOffice，或在 Excel 中另存为 .xlsx'
			: 'Excel 97–2003 workbook (.xls): --convert-xls needs LibreOffice (soffice), which is not on PATH; install LibreOffice, or save the file as .xlsx in Excel';
	return lang === 'zh'
		? 'Excel 97–2003 工作簿（.xls）：请在 Excel 中另存为 .xlsx，或安装 LibreOffice 后加 --convert-xls 自动转换'
		: 'Excel 97–2003 workbook (.xls): save it as .xlsx in Excel, or install LibreOffice and add --convert-xls to convert it';
}

/**
 * Every file under reports/, in a stable order, is either read or named in a finding: an
 * unsupported format is an error that blocks publishing (its villages would otherwise vanish
 * from the data without a word); lock files and system files are skipped with a warning.
 */
export function collectReportFiles(inputDir: string, opts: ListOptions): { files: ReportFile[]; issues: Issue[] } {
	const files: ReportFile[] = [];
	const xls: ReportFile[] = [];
	const issues: Issue[] = [];
	const finding = (severity: Issue['severity'], path: string, rule: Issue['rule'], detail?: string) =>
		issues.push({ severity, file: path, line: null, column: null, rule, detail });
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const abs = join(dir, name);
			const path = relative(inputDir, abs).split('\\').join('/');
			const ext = extname(name).toLowerCase();
			if (SYSTEM_FILES.test(name)) finding('warning', path, 'file_skipped');
			else if (statSync(abs).isDirectory()) walk(abs);
			else if (READ_AS[ext]) files.push({ path, abs, format: READ_AS[ext] });
			else if (ext === '.xls' && opts.convertXls && opts.xlsConverter) xls.push({ path, abs, format: 'xlsx' });
			else if (ext === '.xls') finding('error', path, 'file_format', xlsAdvice(opts.lang, opts.convertXls));
			else finding('error', path, 'file_format', advice(ext, opts.lang));
		}
	};
	walk(join(inputDir, 'reports'));
	if (xls.length) {
		const outDir = join(opts.workDir, 'converted-xls');
		mkdirSync(outDir, { recursive: true });
		const converted = convertXlsFiles(xls, opts.xlsConverter!, outDir, opts.lang);
		files.push(...converted.files);
		issues.push(...converted.issues);
		files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}
	return { files, issues };
}

