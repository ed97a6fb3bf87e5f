import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { config, county, rows } from './fixture';
import {
	buildSmallMultiplesOption,
	multiplesColumns,
	PANEL_HEIGHT,
	smallMultiplesHeight
} from './small-multiples';
import type { TrendSeries } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- reading ECharts' loose option unions */

const townships = (n: number): TrendSeries[] =>
	Array.from({ length: n }, (_, i) => {
		const code = `990101${String(i + 1).padStart(3, '0')}000`;
		return {
			code,
			name: i === 0 ? '<b>乡</b>' : `乡镇${i + 1}`,
			rows: rows(code, [
				['2024Q1', [80 + i, 8, 10]],
				['2024Q2', i === 3 ? null : [85 + i / 2, 17, 20]]
			])
		};
	});

describe('buildSmallMultiplesOption', () => {
	const target = { kind: 'line' as const, value: 86, label: '目标 86%' };
	const o = buildSmallMultiplesOption(townships(19), { ...config, columns: 5, target }) as any;

	it('has one grid, axis pair, title and series per unit', () => {
		expect(o.grid).toHaveLength(19);
		expect(o.xAxis).toHaveLength(19);
		expect(o.yAxis).toHaveLength(19);
		expect(o.series).toHaveLength(19);
		// the first title is the shared y unit
		expect(o.title).toHaveLength(20);
		expect(o.title[0].text).toBe('%');
		expect(o.title[1].text).toBe('<b>乡</b>');
		const s = o.series as LineSeriesOption[];
		expect(s.map((x) => [x.xAxisIndex, x.yAxisIndex])).toEqual(
			Array.from({ length: 19 }, (_, i) => [i, i])
		);
		expect(s[3].data).toEqual([83, null]);
	});

	it('lays panels out in columns and rows', () => {
		const lefts = new Set(o.grid.map((g: any) => g.left));
		const tops = new Set(o.grid.map((g: any) => g.top));
		expect(lefts.size).toBe(5);
		expect(tops.size).toBe(4);
		expect(o.grid[5].top - o.grid[0].top).toBe(PANEL_HEIGHT);
		expect(o.grid[5].left).toBe(o.grid[0].left);
		expect(smallMultiplesHeight(19, 5)).toBe(`${24 + 4 * PANEL_HEIGHT + 24}px`);
	});

	it('shares one y range and draws the target in every panel', () => {
		const mins = new Set(o.yAxis.map((y: any) => y.min));
		const maxs = new Set(o.yAxis.map((y: any) => y.max));
		expect(mins.size).toBe(1);
		expect(maxs.size).toBe(1);
		expect(o.yAxis[0].min).toBeLessThanOrEqual(80);
		expect(o.yAxis[0].max).toBeGreaterThanOrEqual(98);
		expect(o.series.every((s: any) => s.markLine.data[0].yAxis === 86)).toBe(true);
	});

	it('labels x only under the last panel of each column and y only in the first column', () => {
		const xShown = o.xAxis.map((x: any, i: number) => (x.axisLabel.show ? i : -1));
		// 19 panels in 5 columns: the bottom row holds 15–18, column 4 ends at 14
		expect(xShown.filter((i: number) => i >= 0)).toEqual([14, 15, 16, 17, 18]);
		const yShown = o.yAxis.map((y: any, i: number) => (y.axisLabel.show ? i : -1));
		expect(yShown.filter((i: number) => i >= 0)).toEqual([0, 5, 10, 15]);
	});

	it('escapes unit names in the tooltip', () => {
		const html = o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, color: '#4e79a7' }]);
		expect(html).toContain('&lt;b&gt;乡&lt;/b&gt;');
		expect(html).toContain('政策内出生 8 / 出生人数 10');
	});

	it('stays within bounds for 40 panels and for odd column counts', () => {
		const big = buildSmallMultiplesOption(townships(40), { ...config, columns: 5 }) as any;
		expect(big.grid).toHaveLength(40);
		const lastTop = big.grid[39].top + big.grid[39].height;
		expect(lastTop).toBeLessThanOrEqual(parseInt(smallMultiplesHeight(40, 5)));
		const one = buildSmallMultiplesOption([county], { ...config, columns: 4 }) as any;
		expect(one.grid[0].left).toBe(one.title[1].left);
		expect(buildSmallMultiplesOption([], { ...config, columns: 0 }).series).toEqual([]);
	});
});

describe('panel titles', () => {
	it('are cut to fit the column, counting CJK characters double', async () => {
		const { truncate } = await import('./common');
		expect(truncate('城关镇', 24)).toBe('城关镇');
		expect(truncate('城关镇东关街道办事处第一社区居委会', 24)).toBe('城关镇东关街道办事处第…');
		expect(truncate('<img src=x onerror=alert(1)>', 24)).toBe('<img src=x onerror=ale…');
		const units = [{ ...county, name: '城关镇东关街道办事处第一社区居委会' }, ...townships(4)];
		const o = buildSmallMultiplesOption(units, { ...config, columns: 5 }) as any;
		expect(o.title[1].text).toBe('城关镇东关街道办事处第…');
	});

	it('marks the points of short series, so a single period still shows', () => {
		const one = townships(3).map((t) => ({ ...t, rows: t.rows.slice(0, 1) }));
		const single = buildSmallMultiplesOption(one, { ...config, columns: 5 }) as any;
		expect(single.series.every((x: LineSeriesOption) => x.showSymbol)).toBe(true);
		const long: TrendSeries[] = [
			{
				code: '990101001000',
				name: '乡',
				rows: rows(
					'990101001000',
					Array.from(
						{ length: 24 },
						(_, m) =>
							[
								`${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
								[80, 8, 10]
							] as [string, [number, number, number]]
					)
				)
			}
		];
		const dense = buildSmallMultiplesOption(long, { ...config, columns: 5 }) as any;
		expect(dense.series[0].showSymbol).toBe(false);
	});
});

describe('multiplesColumns', () => {
	it('keeps five columns (six past 24 panels) on a desktop and before the chart is laid out', () => {
		expect(multiplesColumns(19, 1100)).toBe(5);
		expect(multiplesColumns(30, 1100)).toBe(6);
		expect(multiplesColumns(19, 0)).toBe(5);
		// the most that fit, whatever the panels: the same for a desktop and an unknown width
		expect(multiplesColumns(Infinity, 1100)).toBe(multiplesColumns(Infinity, 0));
	});
	it('never makes a panel narrower than its period label needs: two columns on a phone', () => {
		expect(multiplesColumns(19, 350)).toBe(2);
		expect(multiplesColumns(19, 700)).toBe(4);
		expect(multiplesColumns(19, 120)).toBe(1);
		for (const width of [200, 350, 500, 700, 900])
			expect(width / multiplesColumns(40, width)).toBeGreaterThanOrEqual(170);
	});
});
