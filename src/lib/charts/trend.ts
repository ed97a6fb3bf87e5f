import type { EChartsOption, LineSeriesOption } from 'echarts';
import { formatPeriodAxis } from '../format';
import {
	aligned,
	axisName,
	categories,
	fontFamily,
	isCounty,
	targetMarks,
	tooltipFormatter,
	yRange
} from './common';
import { isGrey, lineLooks } from './highlight';
import type { TrendConfig, TrendSeries } from './types';

/** Beyond this many periods the chart opens on the latest ones with a zoom slider below. */
export const ZOOM_AFTER = 36;

/** The colour of each series' line, as drawn with the given highlight. */
export function seriesColours(series: TrendSeries[], highlight: readonly string[] = []): string[] {
	return lineLooks(series, highlight).map((l) => l.colour);
}

/**
 * A line per unit over period keys. Gaps stay gaps (a month without data is not zero and not
 * the average of its neighbours), the target is drawn as a dashed line or a shaded band. The
 * county line is ink and thickest; the highlighted units (`config.highlight`, see highlight.ts)
 * each have a colour, dash and marker of their own; all other units are thin grey lines behind
 * them, lit up on hover. The legend names only the lines that stand out.
 */
export function buildTrendOption(series: TrendSeries[], config: TrendConfig): EChartsOption {
	const { lang } = config;
	const keys = categories(series);
	const looks = lineLooks(series, config.highlight ?? []);
	// the legend: the county, then the highlighted units in the order they were chosen
	const rank = (s: TrendSeries) => (isCounty(s) ? -1 : (config.highlight ?? []).indexOf(s.code));
	const named = series.filter((_, i) => !isGrey(looks[i])).sort((a, b) => rank(a) - rank(b));
	const legend = series.length > 1 && named.length > 0;
	const zoom = keys.length > ZOOM_AFTER;
	const range = yRange(series, config);

	const lines: LineSeriesOption[] = series.map((s, i) => {
		const look = looks[i];
		const grey = isGrey(look);
		return {
			type: 'line',
			id: s.code,
			name: s.name,
			data: aligned(s, keys).map((r) => r?.value ?? null),
			connectNulls: false,
			// markers tell the highlighted lines apart; ECharts thins them where they crowd
			showSymbol: !grey,
			showAllSymbol: 'auto',
			symbol: look.symbol,
			symbolSize: isCounty(s) ? 6 : 7,
			z: grey ? 1 : isCounty(s) ? 4 : 3,
			color: look.colour,
			lineStyle: { width: look.width, type: look.dash },
			emphasis: {
				focus: 'series',
				lineStyle: { width: Math.max(look.width, 2.5), color: grey ? '#59636e' : look.colour }
			},
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
			? { type: 'scroll', top: 0, left: 'center', data: named.map((s) => s.name) }
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
