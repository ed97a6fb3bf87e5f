/**
 * The ECharts build the app uses: only the charts and components it draws, on canvas. Loaded
 * lazily by Chart.svelte so pages paint before this (the largest module of the site) arrives.
 * echarts/core registers the ZH and EN locales itself; init picks one with { locale }.
 */
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_PARTS } from './parts';

use([...CHART_PARTS, CanvasRenderer]);

export { init };
