import { schemeFor, type Config } from '../config';
import type { Manifest } from '../extract/schema';
import { csvExport, paren } from '../format';
import { t, type Lang } from '../i18n';
import type { NumberStyle } from './explore-table';

/**
 * Any table the site shows, as a CSV or XLSX file: the one place that turns a table into files,
 * so every page's export has the same title row, number formats and safety (formula injection in
 * CSV through csvExport, XML escaping in the workbook writer).
 */

/** How a column's cells are written; text columns are written as given. */
export type ColumnStyle = NumberStyle | { kind: 'text' };

export interface ExportColumn {
	header: string;
	style: ColumnStyle;
}

export interface ExportTable {
	/** The view's name: the sheet's name and the start of the file name, e.g. 排名. */
	view: string;
	/** The workbook's first line: view, period, data set and scheme (exportTitle). */
	title: string;
	columns: ExportColumn[];
	/** Numbers in the data's own units (a rate on its scale, money in 元); null = no value. */
	rows: (string | number | null)[][];
}

const TEXT: ColumnStyle = { kind: 'text' };
export const textColumn = (header: string): ExportColumn => ({ header, style: TEXT });
export const countColumn = (header: string): ExportColumn => ({
	header,
	style: { kind: 'quantity' }
});

/**
 * A number as the files carry it. A rate keeps its own scale (92.4 for 92.40%, as kaoping assess
 * writes it), rounded two places beyond what the screen shows; money is in 元 in the CSV and in
 * 万元 in the workbook, which says so in its header and number format.
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

export function cellOf(value: string | number | null, style: ColumnStyle, xlsx: boolean) {
	if (style.kind === 'text' || typeof value !== 'number') return value;
	return exportNumber(value, style, xlsx);
}

export function headerOf(c: ExportColumn, lang: Lang, xlsx: boolean): string {
	if (c.style.kind !== 'yuan') return c.header;
	return `${c.header}${t(lang, xlsx ? 'export.tenThousandYuan' : 'export.yuan')}`;
}

export function tableCsv(table: ExportTable, lang: Lang): string {
	return csvExport(
		table.columns.map((c) => headerOf(c, lang, false)),
		table.rows.map((r) => r.map((v, i) => cellOf(v, table.columns[i].style, false)))
	);
}

/** The data set: its months and the day it was built. */
export const datasetText = (manifest: Manifest, lang: Lang): string =>
	`${manifest.periods.from}—${manifest.periods.to}${paren(manifest.built_at.slice(0, 10), lang)}`;

/** The scheme in force in a year, in the reader's language; — when the year has none. */
export function schemeText(config: Config, year: number, lang: Lang): string {
	const scheme = schemeFor(config, year);
	return scheme ? (lang === 'zh' ? scheme.name : scheme.name_en) : '—';
}

/** The title row: 排名：乡镇，2024年；数据集 2023-01—2024-12（2025-01-10）；考核方案：… */
export function exportTitle(
	parts: { view: string; period: string; dataset: string; scheme: string },
	lang: Lang
): string {
	return t(lang, 'export.title', parts);
}

// Characters Windows refuses in a file name, control characters, and leading dots (hidden files).
const unsafe = /[\\/:*?"<>|\p{Cc}]+/gu;

/** A file name from its parts, e.g. 排名_2024年.xlsx; unit names from county files made safe. */
export function exportFileName(parts: string[], ext: 'csv' | 'xlsx' | 'png'): string {
	const base = parts
		.map((p) => p.replace(unsafe, ' ').replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('_')
		.replace(/^\.+/, '')
		.slice(0, 100);
	return `${base || 'kaoping'}.${ext}`;
}

/**
 * The title row of a page's table: the page and what it shows (排名：乡镇), its period, the data
 * set and the scheme of the period's year.
 */
export function pageTitle(
	config: Config,
	manifest: Manifest,
	view: [page: string, what?: string],
	period: string,
	year: number,
	lang: Lang
): string {
	const [page, what] = view;
	return exportTitle(
		{
			view: what ? t(lang, 'export.viewOf', { page, what }) : page,
			period,
			dataset: datasetText(manifest, lang),
			scheme: schemeText(config, year, lang)
		},
		lang
	);
}
