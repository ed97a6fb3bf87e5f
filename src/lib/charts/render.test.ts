import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import { config, county, hostile, rows, sexRatio } from './fixture';
import { buildSmallMultiplesOption, smallMultiplesHeight } from './small-multiples';
import { buildTrendOption } from './trend';
import { CHART_PARTS } from './parts';
import type { TrendSeries } from './types';

// The structural tests cannot tell whether ECharts accepts an option; rendering it server-side
// to SVG (no DOM) can.
use([...CHART_PARTS, SVGRenderer]);

function render(option: EChartsCoreOption, width = 800, height = 400): string {
	const chart = init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'ZH' });
	chart.setOption(option);
	const svg = chart.renderToSVGString();
	chart.dispose();
	return svg;
}

describe('options render in ECharts', () => {
	it('trend with a target line and a gap', () => {
		const svg = render(
			buildTrendOption([county, hostile], {
				...config,
				target: { kind: 'line', value: 86, label: '目标 86%' }
			})
		);
		expect(svg).toContain('目标 86%');
		expect(svg).toContain('2024年3月');
		// SVG text is escaped by ECharts itself
		expect(svg).not.toContain('<img');
	});

	it('trend with a band and many periods', () => {
		const many: TrendSeries = {
			...county,
			rows: rows(
				county.code,
				Array.from({ length: 60 }, (_, i) => [
					`${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
					i === 10 ? null : [104 + (i % 5), 50, 48]
				])
			)
		};
		const svg = render(
			buildTrendOption([many], {
				...config,
				indicator: sexRatio,
				target: { kind: 'band', low: 103, high: 107, label: '目标区间 103–107' }
			})
		);
		expect(svg).toContain('女=100');
		expect(svg).toContain('目标区间 103–107');
	});

	it('small multiples for 40 panels', () => {
		const units = Array.from({ length: 40 }, (_, i) => ({
			...hostile,
			code: `9901010${String(i).padStart(2, '0')}000`,
			name: `乡镇${i + 1}`
		}));
		const option = buildSmallMultiplesOption(units, {
			...config,
			columns: 5,
			target: { kind: 'line', value: 86, label: '86%' }
		});
		const svg = render(option, 1000, parseInt(smallMultiplesHeight(40, 5)));
		expect(svg).toContain('乡镇40');
		expect(svg.match(/<path/g)!.length).toBeGreaterThan(40);
	});
});
