import type { EChartsOption, LineSeriesOption } from 'echarts';
import { formatPeriodAxis } from '../format';
import {
	aligned,
	axisName,
	categories,
	countyColour,
	fontFamily,
	isCounty,
	palette,
	targetMarks,
	tooltipFormatter,
	yRange
} from './common';
import type { TrendConfig, TrendSeries } from './types';

/** Beyond this many periods the chart opens on the latest ones with a zoom slider below. */
export const ZOOM_AFTER = 36;

export function seriesColours(series: TrendSeries[]): string[] {
	let i = 0;
	return series.map((s) => (isCounty(s) ? countyColour : palette[i++ % palette.length]));
}

/**
 * A line per unit over period keys. Gaps stay gaps (a month without data is not zero and not
 * the average of its neighbours), the target is drawn as a dashed line or a shaded band, and
 * the county line is drawn darker and thicker than the townships.
 */
export function buildTrendOption(series: TrendSeries[], config: TrendConfig): EChartsOption {
	const { lang } = config;
	const keys = categories(series);
	const colours = seriesColours(series);
	const legend = series.length > 1;
	const zoom = keys.length > ZOOM_AFTER;
	const range = yRange(series, config);

	const lines: LineSeriesOption[] = series.map((s, i) => {
		const county = isCounty(s);
		return {
			type: 'line',
			id: s.code,
			name: s.name,
			data: aligned(s, keys).map((r) => r?.value ?? null),
			connectNulls: false,
			showSymbol: keys.length <= 24,
			symbolSize: county ? 6 : 4,
			z: county ? 3 : 2,
			color: colours[i],
			lineStyle: { width: county ? 3 : 1.5 },
			emphasis: { focus: 'series' },
			...(i === 0 ? targetMarks(config.target) : {})
		};
	});

	return {
		animation: false,
		textStyle: { fontFamily },
		grid: {
			left: 56,
			right: 24,
			top: legend ? 64 : 40,
			bottom: zoom ? 72 : 32,
			containLabel: false
		},
		legend: legend
			? { type: 'scroll', top: 0, left: 'center', data: series.map((s) => s.name) }
			: { show: false },
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: tooltipFormatter(series, keys, config) as never
		},
		xAxis: {
			type: 'category',
			data: keys,
			boundaryGap: false,
			axisLabel: { formatter: (key: string) => formatPeriodAxis(key, lang), hideOverlap: true }
		},
		yAxis: {
			type: 'value',
			name: axisName(series, config),
			nameLocation: 'end',
			nameTextStyle: { align: 'left' },
			scale: true,
			...range
		},
		dataZoom: zoom
			? [
					{ type: 'inside', startValue: keys.length - ZOOM_AFTER, endValue: keys.length - 1 },
					{
						type: 'slider',
						bottom: 8,
						height: 20,
						startValue: keys.length - ZOOM_AFTER,
						endValue: keys.length - 1,
						labelFormatter: (_: number, key: string) => formatPeriodAxis(key, lang)
					}
				]
			: [],
		series: lines
	};
}
