import { writeXlsx, type XlsxCell } from '../../cli/io/xlsx-write';
import { displayWidth } from '../../cli/text-width';
import { schemeFor, type Config } from '../config';
import type { Manifest } from '../extract/schema';
import { csvExport, type CsvCell } from '../format';
import { formatMonth } from '../format/period';
import { label, t, type Lang } from '../i18n';
import { monthText, yearOf } from '../periods';
import type { ExploreState } from './explore';
import type { NumberStyle, PivotTable } from './explore-table';

/**
 * The pivot as files: the same lines and columns as the screen, numbers as numbers. A rate keeps
 * its own scale (92.4 for 92.40%, as kaoping assess writes it), rounded two places beyond what the
 * screen shows; money is in 元 in the CSV and in 万元 in the workbook, which says so in its header.
 */
export function exportNumber(
	value: number | null,
	style: NumberStyle,
	xlsx = false
): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	if (style.kind === 'yuan') return xlsx ? value / 10_000 : value;
	if (style.kind === 'quantity') return value;
	return Number(value.toFixed(style.decimals + 2));
}

/** Excel number formats: the unit written after the number, as on the screen. */
export function numberFormat(style: NumberStyle, integers: boolean): string {
	const fixed = (d: number) => (d > 0 ? `0.${'0'.repeat(d)}` : '0');
	switch (style.kind) {
		case 'percent':
			return `${fixed(style.decimals)}"%"`;
		case 'permille':
			return `${fixed(style.decimals)}"‰"`;
		case 'ratio':
			return fixed(style.decimals);
		case 'count':
			return '#,##0';
		case 'yuan':
			return '#,##0.00"万元"';
		case 'quantity':
			return integers ? '#,##0' : '#,##0.00';
	}
}

function headers(table: PivotTable, lang: Lang, xlsx: boolean): string[] {
	const money = (s: NumberStyle) =>
		s.kind === 'yuan'
			? lang === 'zh'
				? xlsx
					? '（万元）'
					: '（元）'
				: xlsx
					? ' (10k yuan)'
					: ' (yuan)'
			: '';
	return [
		...table.labelColumns.map((c) => c.label),
		...table.columns.map((c) => `${c.label}${money(c.style)}`)
	];
}

/** The title row: what the view is, its months, the data set and the scheme. */
export function exportTitle(
	config: Config,
	manifest: Manifest,
	state: ExploreState,
	lang: Lang
): string {
	const scheme = schemeFor(config, yearOf(state.to));
	return t(lang, 'explore.exportTitle', {
		view: `${label(lang, `level.${state.level}`)} × ${label(lang, `explore.rows.${state.rows}`)}`,
		from: formatMonth(state.from, lang),
		to: formatMonth(state.to, lang),
		granularity: label(lang, `granularity.${state.granularity}`),
		dataset: `${manifest.periods.from}—${manifest.periods.to}（${manifest.built_at.slice(0, 10)}）`,
		scheme: scheme ? (lang === 'zh' ? scheme.name : scheme.name_en) : '—'
	});
}

export function exportFilename(state: ExploreState, lang: Lang, ext: 'csv' | 'xlsx'): string {
	return `${t(lang, 'nav.explore')}_${monthText(state.from)}_${monthText(state.to)}.${ext}`;
}

export function pivotCsv(table: PivotTable, lang: Lang): string {
	const rows: CsvCell[][] = table.lines.map((l) => [
		...l.labels,
		...l.cells.map((c, i) => exportNumber(c.value, table.columns[i].style))
	]);
	return csvExport(headers(table, lang, false), rows);
}

/** One sheet: the title, a blank line, the header (frozen with the title), the lines. */
export function pivotXlsx(table: PivotTable, title: string, lang: Lang): Uint8Array {
	const head = headers(table, lang, true);
	const body: XlsxCell[][] = table.lines.map((l) => [
		...l.labels,
		...l.cells.map((c, i) => exportNumber(c.value, table.columns[i].style, true))
	]);
	const labels = table.labelColumns.length;
	const columns = head.map((h, i) => {
		const cells = body.map((r) => r[i]);
		const width =
			Math.min(40, Math.max(8, ...[h, ...cells].map((c) => displayWidth(String(c ?? ''))))) + 2;
		if (i < labels) return { width };
		const style = table.columns[i - labels].style;
		const integers = cells.every((c) => c === null || Number.isInteger(c));
		return { width, numFmt: numberFormat(style, integers) };
	});
	return writeXlsx([
		{ name: label(lang, 'nav.explore'), rows: [[title], [], head, ...body], columns, headerRows: 3 }
	]);
}
