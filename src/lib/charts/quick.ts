import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { formatQuantity } from '../format';
import { fontFamily, palette } from './common';

/** The console's result as a chart: one label column against a few numeric columns. */
export interface QuickChartData {
	labelName: string;
	labels: string[];
	series: { name: string; values: (number | null)[] }[];
}

export type QuickChartKind = 'bar' | 'line';

/** Beyond this many labels the chart opens on the first ones with a zoom slider below. */
const ZOOM_AFTER = 60;

/**
 * Bars or lines of each numeric column over the label column. A NULL stays a gap (no data is
 * not zero); values go in the tooltip as the grid shows them.
 */
export function buildQuickChartOption(data: QuickChartData, kind: QuickChartKind): EChartsOption {
	const zoom = data.labels.length > ZOOM_AFTER;
	const series = data.series.map((s, i): BarSeriesOption | LineSeriesOption => {
		const common = {
			name: s.name,
			data: s.values,
			color: palette[i % palette.length],
			emphasis: { focus: 'series' as const }
		};
		return kind === 'bar'
			? { ...common, type: 'bar' }
			: { ...common, type: 'line', connectNulls: false, showSymbol: data.labels.length <= 40 };
	});
	return {
		animation: false,
		textStyle: { fontFamily },
		grid: { left: 64, right: 24, top: 48, bottom: zoom ? 72 : 40 },
		legend: { type: 'scroll', top: 0, data: data.series.map((s) => s.name) },
		tooltip: {
			trigger: 'axis',
			confine: true,
			valueFormatter: (v) => (typeof v === 'number' ? formatQuantity(v, 6) : '—')
		},
		xAxis: {
			type: 'category',
			name: data.labelName,
			data: data.labels,
			axisLabel: { hideOverlap: true }
		},
		yAxis: { type: 'value', scale: kind === 'line' },
		dataZoom: zoom
			? [
					{ type: 'inside', startValue: 0, endValue: ZOOM_AFTER - 1 },
					{ type: 'slider', bottom: 8, height: 20, startValue: 0, endValue: ZOOM_AFTER - 1 }
				]
			: [],
		series
	};
}
