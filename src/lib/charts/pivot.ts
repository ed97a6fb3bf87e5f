import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { escapeHtml } from '../format';
import { countyColour, fontFamily, palette, truncate } from './common';

/** What a pivot chart draws: category labels and one or more series of values. */
export interface PivotChartData {
	categories: string[];
	series: { name: string; values: (number | null)[] }[];
}

export interface PivotChartConfig {
	type: 'bar' | 'line';
	/** The field charted and its axis unit, e.g. 政策符合率 / %. */
	name: string;
	unit: string;
	/** The screen's words for a value (92.40%, 3,110, 54.14万元). */
	format: (value: number | null) => string;
}

/** Bars get one row each; the chart grows with them so that no unit name is dropped. */
export const pivotChartHeight = (data: PivotChartData, config: Pick<PivotChartConfig, 'type'>) =>
	config.type === 'bar' ? `${Math.max(220, data.categories.length * 26 + 70)}px` : '360px';

/**
 * The current pivot as a chart: horizontal bars of one field over the table's lines (in the
 * table's order), or lines of one field over the periods, one per unit. A missing value is a
 * gap, never a zero.
 */
export function buildPivotOption(data: PivotChartData, config: PivotChartConfig): EChartsOption {
	const bar = config.type === 'bar';
	const single = data.series.length === 1;
	const colour = (i: number) => (single ? countyColour : palette[i % palette.length]);
	const series = data.series.map((s, i) =>
		bar
			? ({
					type: 'bar',
					name: s.name,
					data: s.values,
					color: single ? palette[0] : colour(i),
					barMaxWidth: 18,
					label: {
						show: data.categories.length <= 40,
						position: 'right',
						formatter: (p: { value: unknown }) => config.format(p.value as number | null)
					}
				} satisfies BarSeriesOption)
			: ({
					type: 'line',
					name: s.name,
					data: s.values,
					color: colour(i),
					connectNulls: false,
					showSymbol: data.categories.length <= 24,
					lineStyle: { width: single ? 3 : 1.5 }
				} satisfies LineSeriesOption)
	);
	const categoryAxis = {
		type: 'category' as const,
		data: data.categories,
		...(bar
			? { inverse: true, axisLabel: { formatter: (s: string) => truncate(s, 12) } }
			: { boundaryGap: false })
	};
	const valueAxis = { type: 'value' as const, name: config.unit, scale: !bar };
	return {
		animation: false,
		textStyle: { fontFamily },
		grid: { left: bar ? 110 : 56, right: bar ? 72 : 24, top: single ? 36 : 64, bottom: 32 },
		legend: single
			? { show: false }
			: { type: 'scroll', top: 0, data: data.series.map((s) => s.name) },
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: ((params: { seriesName: string; name: string; value: unknown }[]) => {
				const head = escapeHtml(params[0]?.name ?? '');
				const lines = params.map(
					(p) =>
						`${escapeHtml(p.seriesName)}：${escapeHtml(config.format(p.value as number | null))}`
				);
				return [head, ...lines].join('<br>');
			}) as never
		},
		xAxis: bar ? valueAxis : categoryAxis,
		yAxis: bar ? categoryAxis : valueAxis,
		series
	};
}
