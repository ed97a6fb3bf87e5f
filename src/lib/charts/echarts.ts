/**
 * The ECharts build the app uses: only the charts and components it draws, on canvas. Loaded
 * lazily by Chart.svelte so pages paint before this (the largest module of the site) arrives.
 * echarts/core registers the ZH and EN locales itself; init picks one with { locale }.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	DataZoomComponent,
	DatasetComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TitleComponent,
	TooltipComponent
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
	LineChart,
	BarChart,
	ScatterChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkLineComponent,
	MarkAreaComponent,
	DataZoomComponent,
	TitleComponent,
	GraphicComponent,
	DatasetComponent,
	CanvasRenderer
]);

export { init };
