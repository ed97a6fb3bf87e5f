/**
 * Validation findings. Every finding names the file, line, column and rule, so a statistician can
 * open the spreadsheet and fix the cell; rule ids are stable for scripts and tests.
 */
export const RULES = {
	encoding: { zh: '编码错误：解码后出现乱码（替换字符）', en: 'encoding: text decodes to replacement characters' },
	encoding_bom_mismatch: {
		zh: '编码错误：文件开头有 UTF-8 标记（BOM），内容却不是 UTF-8（多为 GBK）；请另存为“CSV UTF-8”或不带 BOM 的 GBK',
		en: 'encoding: the file starts with a UTF-8 BOM but its bytes are not UTF-8 (likely GBK); save it as "CSV UTF-8", or as GBK without the BOM'
	},
	formula_uncomputed: {
		zh: '公式未计算，请在 Excel 中打开并保存后重新导入',
		en: 'formula without a computed value: open the file in Excel, save it and import it again'
	},
	row_width: { zh: '本行字段数与表头不符', en: 'row has a different number of fields than the header' },
	header_missing: { zh: '缺少必需的列', en: 'required column missing' },
	header_unknown: { zh: '无法识别的列，已忽略', en: 'unknown column, ignored' },
	header_duplicate: { zh: '同一指标出现两列', en: 'two columns name the same field' },
	header_not_found: { zh: '前10行中找不到表头行', en: 'no header row found in the first 10 rows' },
	file_unreadable: { zh: '文件无法读取', en: 'file cannot be read' },
	file_format: { zh: '不支持的文件格式', en: 'unsupported file format' },
	file_skipped: { zh: '临时文件或系统文件，已跳过', en: 'temporary or system file, skipped' },
	unit_unknown: { zh: '单位代码不存在于 units.csv', en: 'unit code not in units.csv' },
	unit_not_village: { zh: '月报行的单位不是村（居）', en: 'report row for a unit that is not a village' },
	duplicate_report: { zh: '同一单位同一月份重复报送', en: 'duplicate report for the same unit and month' },
	period_invalid: { zh: '月份无法识别（应为 2024-03 或 2024年3月）', en: 'unparseable period (use 2024-03 or 2024年3月)' },
	period_future: { zh: '月份晚于生成日期（尚未开始的月份不可能已报送）', en: 'period after the build date (a month not yet begun cannot be reported)' },
	period_outlier: {
		zh: '月份远离其他报表的月份范围（相隔一年以上无任何报表），疑为年份录入错误',
		en: 'period far from every other report (over a year without any report between), likely a mistyped year'
	},
	rejects_unwritable: { zh: '无法写出 --rejects 文件（检查路径和权限）', en: 'cannot write the --rejects file (check the path and permissions)' },
	count_invalid: { zh: '应为非负整数', en: 'not a non-negative integer' },
	money_invalid: { zh: '应为非负金额（元，最多两位小数）', en: 'not a non-negative amount (yuan, at most 2 decimals)' },
	submitted_invalid: { zh: '报送日期无效', en: 'bad submitted_on date' },
	check_failed: { zh: '数据不一致', en: 'consistency rule broken' },
	units_invalid: { zh: 'units.csv 有误', en: 'units.csv is invalid' },
	name_mismatch: { zh: '单位名称与 units.csv 不符', en: 'unit name differs from units.csv' },
	code_prefix: { zh: '代码与上级单位代码前缀不一致', en: 'code does not start with its parent code' },
	task_invalid: { zh: 'tasks.csv 有误', en: 'tasks.csv is invalid' },
	incident_invalid: { zh: 'incidents.csv 有误', en: 'incidents.csv is invalid' },
	moves_invalid: { zh: 'moves.csv 有误', en: 'moves.csv is invalid' },
	no_reports: { zh: '没有可用的月报', en: 'no report rows' },
	measure_missing: { zh: '文件缺少以下指标列，本文件各行按未报处理', en: 'measure columns missing: every row of this file counts as not reporting them' },
	measure_blank: { zh: '该指标列整列为空，本文件各行按未报处理', en: 'measure column empty in every row: counted as not reported' },
	submitted_missing: { zh: '报送日期为空：及时性记为未知（不算迟报）', en: 'submitted_on empty: timeliness unknown (not counted late)' }
} as const;

export type RuleId = keyof typeof RULES;

/**
 * Findings that drop a whole report file before any of its rows is read: its rows are neither
 * counted nor written to --rejects, so even --allow-rejects does not publish without the file.
 */
export const FILE_DROPPED: ReadonlySet<RuleId> = new Set<RuleId>(['file_format', 'file_unreadable', 'encoding_bom_mismatch']);

export type Lang = 'zh' | 'en';

export interface Issue {
	severity: 'error' | 'warning';
	file: string;
	/** 1-based line in the file (sheet row for XLSX); null for file-level findings. */
	line: number | null;
	/** The column as the file names it, with the field id when known: `出生人数 (births_total)`. */
	column: string | null;
	rule: RuleId;
	/** Specific detail, e.g. the offending value or the rule's formula. */
	detail?: string;
}

export function compareIssues(a: Issue, b: Issue): number {
	return (
		(a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
		(a.line ?? 0) - (b.line ?? 0) ||
		(a.column ?? '').localeCompare(b.column ?? '') ||
		a.rule.localeCompare(b.rule)
	);
}

export function formatIssue(i: Issue, lang: Lang): string {
	const where = i.line === null ? i.file : `${i.file}:${i.line}`;
	const column = i.column ? ` ${lang === 'zh' ? '列' : 'column'} ${i.column}:` : '';
	const detail = i.detail ? ` — ${i.detail}` : '';
	const tag = i.severity === 'warning' ? (lang === 'zh' ? '警告' : 'warning') : lang === 'zh' ? '错误' : 'error';
	return `${where}: ${tag}:${column} ${RULES[i.rule][lang]}${detail} [${i.rule}]`;
}

/** Sorted, capped report: the first `max` errors, then warnings, then a count of the rest. */
export function formatReport(issues: Issue[], max: number, lang: Lang): string {
	const sorted = [...issues].sort(compareIssues);
	const errors = sorted.filter((i) => i.severity === 'error');
	const warnings = sorted.filter((i) => i.severity === 'warning');
	const lines: string[] = [];
	const shown = (list: Issue[], label: { zh: string; en: string }) => {
		for (const i of list.slice(0, max)) lines.push(formatIssue(i, lang));
		if (list.length > max)
			lines.push(
				lang === 'zh'
					? `……另有 ${list.length - max} 条${label.zh}未列出`
					: `… and ${list.length - max} more ${label.en}`
			);
	};
	shown(errors, { zh: '错误', en: 'errors' });
	shown(warnings, { zh: '警告', en: 'warnings' });
	return lines.length ? lines.join('\n') + '\n' : '';
}

export const quoteValue = (v: string) => JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
