import type {
	EChartsOption,
	GridComponentOption,
	LineSeriesOption,
	TitleComponentOption,
	XAXisComponentOption,
	YAXisComponentOption
} from 'echarts';
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
	truncate,
	yRange
} from './common';
import type { SmallMultiplesConfig, TrendSeries } from './types';

/** Pixels per panel row, title included; the chart must be smallMultiplesHeight tall. */
export const PANEL_HEIGHT = 130;
const HEADER = 24; // px at the top for the y unit, said once for all panels
const TITLE = 22; // px above each grid for the unit name
const GAP = 8; // px between a grid and the next title
const AXIS = 24; // px below the bottom row for the x labels

/**
 * CSS height for the chart. ECharts places grids in pixels or percent but not both, so panels
 * are laid out in pixels vertically and the container has to match this.
 */
export function smallMultiplesHeight(panels: number, columns: number): string {
	const rows = Math.max(1, Math.ceil(panels / Math.max(1, Math.floor(columns) || 1)));
	return `${HEADER + rows * PANEL_HEIGHT + AXIS}px`;
}

/**
 * The narrowest a panel may be: its last period's label (2024年第四季度, 10 px, ~75 px) clear of
 * the next panel's. Both labels need ~200 px; below that ECharts drops the first, which every
 * panel and the main chart above share, so two columns on a phone are worth more than one.
 */
export const MIN_PANEL_WIDTH = 170;

/**
 * Columns of panels for a chart `width` px wide: five (six past 24 panels) on a desktop, fewer
 * where they would be narrower than MIN_PANEL_WIDTH — two on a phone. An unknown width (0, not
 * laid out yet) gets the desktop's.
 */
export function multiplesColumns(panels: number, width: number): number {
	const most = panels > 24 ? 6 : 5;
	if (!(width > 0)) return most;
	return Math.max(1, Math.min(most, Math.floor(width / MIN_PANEL_WIDTH)));
}

const pct = (x: number) => `${Number(x.toFixed(4))}%`;

/**
 * One grid per unit, all on the same y range so panels compare at a glance, with the unit name
 * as each panel's title and the target in each. x labels only under the bottom panel of each
 * column and y labels only in the first column, so 40 panels stay readable.
 */
/** Up to this many periods a panel marks each point; beyond, lines alone stay readable. */
const FEW_PERIODS = 12;

export function buildSmallMultiplesOption(
	series: TrendSeries[],
	config: SmallMultiplesConfig
): EChartsOption {
	const { lang } = config;
	const columns = Math.max(1, Math.min(Math.floor(config.columns) || 1, series.length || 1));
	const keys = categories(series);
	// two or three ticks per panel: more would crowd a panel about 100 px high
	const range = yRange(series, config, 2);
	const titleWidth = Math.max(8, Math.floor(120 / columns));
	const width = 100 / columns;
	const bottomRowOf = (col: number) => Math.floor((series.length - 1 - col) / columns);
	const name = axisName(series, config);
	let colourIndex = 0;

	const grids: GridComponentOption[] = [];
	const titles: TitleComponentOption[] = [];
	const xAxes: XAXisComponentOption[] = [];
	const yAxes: YAXisComponentOption[] = [];
	const lines: LineSeriesOption[] = [];

	series.forEach((s, i) => {
		const col = i % columns;
		const row = Math.floor(i / columns);
		const left = col * width;
		const top = HEADER + row * PANEL_HEIGHT;
		const county = isCounty(s);
		const colour = county ? countyColour : palette[colourIndex++ % palette.length];
		const lastRow = row === bottomRowOf(col);
		grids.push({
			left: pct(left + width * 0.14),
			width: pct(width * 0.82),
			top: top + TITLE,
			height: PANEL_HEIGHT - TITLE - GAP,
			containLabel: false
		});
		titles.push({
			text: truncate(s.name, titleWidth),
			left: pct(left + width * 0.14),
			top,
			textStyle: { fontSize: 12, fontWeight: county ? 'bold' : 'normal', color: '#333' }
		});
		xAxes.push({
			type: 'category',
			gridIndex: i,
			data: keys,
			boundaryGap: false,
			axisTick: { show: false },
			// first and last period only, pulled inside the panel so neighbours do not collide
			axisLabel: {
				show: lastRow,
				interval: (index: number) => index === 0 || index === keys.length - 1,
				alignMinLabel: 'left',
				alignMaxLabel: 'right',
				fontSize: 10,
				formatter: (key: string) => formatPeriodAxis(key, lang)
			}
		});
		yAxes.push({
			type: 'value',
			gridIndex: i,
			splitNumber: 2,
			axisLabel: { show: col === 0, fontSize: 10 },
			...range
		});
		lines.push({
			type: 'line',
			id: s.code,
			name: s.name,
			xAxisIndex: i,
			yAxisIndex: i,
			data: aligned(s, keys).map((r) => r?.value ?? null),
			connectNulls: false,
			// a point with no neighbour (one period, or a month between gaps) is only a symbol
			showSymbol: keys.length <= FEW_PERIODS,
			symbolSize: 3,
			color: colour,
			lineStyle: { width: county ? 2.5 : 1.5 },
			// the label would repeat in every panel; the tooltip and the page say what the line is
			...targetMarks(config.target, false)
		});
	});

	return {
		animation: false,
		textStyle: { fontFamily },
		title: [{ text: name, left: 0, top: 0, textStyle: { fontSize: 12, color: '#666' } }, ...titles],
		grid: grids,
		xAxis: xAxes,
		yAxis: yAxes,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: tooltipFormatter(series, keys, config) as never
		},
		series: lines
	};
}
