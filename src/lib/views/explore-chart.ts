import type { PivotChartConfig, PivotChartData } from '../charts/pivot';
import type { Catalog } from '../config/catalog-schema';
import { formatPeriodAxis } from '../format';
import { t, type Lang } from '../i18n';
import { TOTAL, type PivotRow } from '../query/pivot';
import {
	explorePeriods,
	isMeasureField,
	measureOf,
	shownFields,
	type ExploreState
} from './explore';
import { fieldInfo, formatStyled, type PivotTable } from './explore-table';

/** Lines need periods on the x axis: a table of units over the whole span can only be bars. */
export const chartType = (state: ExploreState): 'bar' | 'line' =>
	state.rows === 'unit' && state.cols === 'fields' ? 'bar' : state.chart;

/**
 * The chart of the current pivot, for its first field: bars over the table's lines in the
 * table's order (the totals line left out: it is a different kind of number), or one line per
 * unit over the periods (the units together when the rows are periods).
 */
export function pivotChart(
	catalog: Catalog,
	state: ExploreState,
	table: PivotTable,
	rows: readonly PivotRow[],
	units: readonly { code: string; name: string }[],
	lang: Lang
): { data: PivotChartData; config: PivotChartConfig } | null {
	const field = shownFields(state)[0];
	if (!field) return null;
	const info = fieldInfo(catalog, field, lang);
	const type = chartType(state);
	const config: PivotChartConfig = {
		type,
		name: info.name,
		unit: info.indicator
			? t(lang, `unit.${info.indicator.unit}`)
			: info.style.kind === 'yuan'
				? t(lang, 'explore.yuan')
				: '',
		format: (v) => formatStyled(v, info.style, lang)
	};
	if (type === 'bar') {
		const at =
			state.cols === 'periods'
				? table.columns.findIndex((c) => c.key === `p:${TOTAL}`)
				: table.columns.findIndex((c) => c.key === `f:${field}`);
		const body = table.lines.filter((l) => !l.total);
		return {
			config,
			data: {
				categories: body.map((l) => l.labels.join(' · ')),
				series: [{ name: info.name, values: body.map((l) => l.cells[at]?.value ?? null) }]
			}
		};
	}
	const id = isMeasureField(field) ? measureOf(field) : field;
	const periods = explorePeriods(state).map((p) => p.text);
	const value = new Map(
		rows.filter((r) => r.indicator === id).map((r) => [`${r.code}|${r.period_key}`, r.value])
	);
	const present = new Set(rows.map((r) => r.code));
	const lines =
		state.rows === 'period'
			? [{ code: TOTAL, name: t(lang, 'explore.total') }]
			: units.filter((u) => present.has(u.code));
	return {
		config,
		data: {
			categories: periods.map((p) => formatPeriodAxis(p, lang)),
			series: lines.map((u) => ({
				name: u.name,
				values: periods.map((p) => value.get(`${u.code}|${p}`) ?? null)
			}))
		}
	};
}
