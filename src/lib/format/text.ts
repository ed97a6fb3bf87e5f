import type { Lang } from '../i18n';

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** For text put into HTML strings (chart tooltips): unit names come from county files. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => entities[c]);

/**
 * A remark in brackets after what it qualifies: full-width （…） in Chinese, which carry their
 * own spacing, and " (…)" in English, where full-width brackets look like a rendering fault.
 */
export const paren = (text: string, lang: Lang): string =>
	lang === 'zh' ? `（${text}）` : ` (${text})`;

/** Items of a list of remarks: 甲；乙 / a; b. */
export const joinRemarks = (items: readonly string[], lang: Lang): string =>
	items.join(lang === 'zh' ? '；' : '; ');

export type CsvCell = string | number | null | undefined;

// Spreadsheet programs run a cell that starts with one of these as a formula.
const formulaStart = /^[=+\-@\t\r]/;
// ...but a plain signed number ("-201" in a rejected row) is read as that number, not run: left
// as is, so a corrected file goes back in without a stray apostrophe.
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function csvCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell === 0 ? 0 : cell) : '';
	const text = formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Excel: a BOM so Excel reads UTF-8 Chinese, CRLF line ends, quotes only where needed.
 * Text cells that would run as a formula get a leading apostrophe; numbers stay numbers, so a
 * negative growth rate passed as a number is still a number in the sheet.
 */
export function csvExport(header: string[], rows: CsvCell[][]): string {
	const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
