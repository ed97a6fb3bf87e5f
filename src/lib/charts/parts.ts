import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	DataZoomComponent,
	DatasetComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';

/** The charts and components the app draws with: the app adds a canvas renderer, tests SVG. */
export const CHART_PARTS = [
	LineChart,
	BarChart,
	ScatterChart,
	HeatmapChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkLineComponent,
	MarkAreaComponent,
	DataZoomComponent,
	TitleComponent,
	GraphicComponent,
	DatasetComponent,
	VisualMapComponent
];
