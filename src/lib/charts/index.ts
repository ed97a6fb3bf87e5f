export { buildTrendOption, seriesColours, ZOOM_AFTER } from './trend';
export {
	buildSmallMultiplesOption,
	multiplesColumns,
	PANEL_HEIGHT,
	smallMultiplesHeight
} from './small-multiples';
export { buildPivotOption, pivotChartHeight } from './pivot';
export type { PivotChartConfig, PivotChartData } from './pivot';
export { sparklinePath, type Sparkline } from './sparkline';
export { axisName, yRange, palette, countyColour, targetColour } from './common';
export type { SmallMultiplesConfig, TrendConfig, TrendSeries, TrendTarget } from './types';
export { buildQuickChartOption, type QuickChartData, type QuickChartKind } from './quick';
