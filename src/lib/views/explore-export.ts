import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { formatMonth } from '../format/period';
import { label, t, type Lang } from '../i18n';
import { monthText, yearOf } from '../periods';
import type { ExploreState } from './explore';
import type { PivotTable } from './explore-table';
import {
	datasetText,
	exportFileName,
	exportTitle as titleOf,
	schemeText,
	textColumn,
	type ExportTable
} from './table-export';

export { exportNumber, numberFormat } from './table-export';

/** The title row: what the view is, its months, the data set and the scheme. */
export function exportTitle(
	config: Config,
	manifest: Manifest,
	state: ExploreState,
	lang: Lang
): string {
	return titleOf(
		{
			view: t(lang, 'explore.exportView', {
				view: `${label(lang, `level.${state.level}`)} × ${label(lang, `explore.rows.${state.rows}`)}`
			}),
			period: t(lang, 'explore.exportPeriod', {
				from: formatMonth(state.from, lang),
				to: formatMonth(state.to, lang),
				granularity: label(lang, `granularity.${state.granularity}`)
			}),
			dataset: datasetText(manifest, lang),
			scheme: schemeText(config, yearOf(state.to), lang)
		},
		lang
	);
}

export function exportFilename(
	state: ExploreState,
	lang: Lang,
	ext: 'csv' | 'xlsx' | 'png'
): string {
	return exportFileName([t(lang, 'nav.explore'), monthText(state.from), monthText(state.to)], ext);
}

/** The pivot as the one table-export module takes it: the same lines and columns as the screen. */
export function pivotExport(table: PivotTable, title: string, lang: Lang): ExportTable {
	return {
		view: label(lang, 'nav.explore'),
		title,
		columns: [
			...table.labelColumns.map((c) => textColumn(c.label)),
			...table.columns.map((c) => ({ header: c.label, style: c.style }))
		],
		rows: table.lines.map((l) => [...l.labels, ...l.cells.map((c) => c.value)])
	};
}
