import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { axisName, yRange, type TipParam } from './common';
import { birthRate, config, county, hostile, rows, sexRatio } from './fixture';
import { buildTrendOption, ZOOM_AFTER } from './trend';
import type { TrendSeries } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- reading ECharts' loose option unions */
const seriesOf = (o: any) => o.series as LineSeriesOption[];
const tip = (o: any, params: TipParam | TipParam[]) => o.tooltip.formatter(params) as string;

describe('buildTrendOption', () => {
	const option = buildTrendOption([county, hostile], config) as any;

	it('has one line per unit over the union of period keys, gaps kept', () => {
		expect(option.xAxis.data).toEqual(['2024-01', '2024-02', '2024-03']);
		const s = seriesOf(option);
		expect(s).toHaveLength(2);
		expect(s.map((x) => x.type)).toEqual(['line', 'line']);
		expect(s[1].data).toEqual([88, null, 95]);
		expect(s.every((x) => x.connectNulls === false)).toBe(true);
	});

	it('draws the county darker and thicker, and shows a legend for several units', () => {
		const [c, t] = seriesOf(option);
		expect(c.color).toBe('#1f2d3d');
		expect((c.lineStyle as any).width).toBeGreaterThan((t.lineStyle as any).width);
		expect(option.legend.data).toEqual(['示范县', hostile.name]);
		const single = buildTrendOption([county], config) as any;
		expect(single.legend.show).toBe(false);
	});

	it('labels the category axis with the words the rest of the site uses', () => {
		expect(option.xAxis.axisLabel.formatter('2024-03')).toBe('2024年3月');
		expect(option.xAxis.axisLabel.formatter('2024Q1')).toBe('2024年第一季度');
		expect(option.xAxis.axisLabel.formatter('2024-05YTD')).toBe('2024年1-5月');
	});

	it('escapes a hostile unit name in the tooltip and lists units by value', () => {
		const html = tip(option, [
			{ seriesIndex: 0, dataIndex: 2, color: '#1f2d3d' },
			{ seriesIndex: 1, dataIndex: 2, color: '#4e79a7' }
		]);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('<b>2024年3月</b>');
		expect(html).toContain('政策内出生 / 出生人数');
		expect(html).toContain('152 / 164');
		expect(html.indexOf('95.00%')).toBeLessThan(html.indexOf('92.68%'));
	});

	it('labels the counts of a single unit and marks partial buckets', () => {
		const partial: TrendSeries = {
			code: '990101002000',
			name: '城关镇',
			rows: rows('990101002000', [['2024', [92.68, 152, 164]]], {
				months: 5,
				last_month: 2024 * 12 + 4
			})
		};
		const o = buildTrendOption([partial], config);
		const html = tip(o, { seriesIndex: 0, dataIndex: 0, color: '#4e79a7' });
		expect(html).toContain('政策内出生 152 / 出生人数 164');
		expect(html).toContain('截至5月');
		expect(html).toContain('<b>2024年</b>');
		const en = tip(buildTrendOption([partial], { ...config, lang: 'en' }), {
			seriesIndex: 0,
			dataIndex: 0
		});
		expect(en).toContain('to May');
		expect(en).toContain('<b>2024</b>');
	});

	it('shows — for a gap and says 年化 when annualised', () => {
		expect(tip(option, { seriesIndex: 1, dataIndex: 1 })).toContain('<b>—</b>');
		const births: TrendSeries = {
			...county,
			rows: county.rows.map((r) => ({ ...r, value: 9.5, annualised: true }))
		};
		const o = buildTrendOption([births], { ...config, indicator: birthRate, annualised: true });
		expect(tip(o, { seriesIndex: 0, dataIndex: 0 })).toContain('年化');
	});

	it('draws a target line or band on the first series only', () => {
		const o = buildTrendOption([county, hostile], {
			...config,
			target: { kind: 'line', value: 86, label: '目标 86%' }
		});
		const [a, b] = seriesOf(o);
		expect((a.markLine as any).data[0].yAxis).toBe(86);
		expect(b.markLine).toBeUndefined();
		const band = buildTrendOption([county], {
			...config,
			indicator: sexRatio,
			target: { kind: 'band', low: 103, high: 107, label: '目标区间 103–107' }
		});
		const area = (seriesOf(band)[0].markArea as any).data[0];
		expect([area[0].yAxis, area[1].yAxis]).toEqual([103, 107]);
	});

	it('names the y axis with its unit in either language', () => {
		const y = (o: any) => o.yAxis.name;
		expect(y(option)).toBe('%');
		expect(y(buildTrendOption([county], { ...config, indicator: sexRatio }))).toBe('女=100');
		expect(y(buildTrendOption([county], { ...config, indicator: sexRatio, lang: 'en' }))).toBe(
			'female = 100'
		);
		expect(y(buildTrendOption([county], { ...config, indicator: birthRate }))).toBe('‰（累计）');
		const annualised = { ...county, rows: county.rows.map((r) => ({ ...r, annualised: true })) };
		const cfg = { ...config, indicator: birthRate, annualised: true, lang: 'en' as const };
		expect(axisName([annualised], cfg)).toBe('‰ (annualised)');
	});

	it('adds zoom only when there are many periods', () => {
		expect(option.dataZoom).toEqual([]);
		const many: TrendSeries = {
			...county,
			rows: rows(
				county.code,
				Array.from({ length: 48 }, (_, i) => [
					`${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
					[90, 9, 10]
				])
			)
		};
		const o = buildTrendOption([many], config) as any;
		expect(o.dataZoom).toHaveLength(2);
		expect(o.dataZoom[0].startValue).toBe(48 - ZOOM_AFTER);
	});
});

describe('yRange', () => {
	const only = (values: (number | null)[]): TrendSeries => ({
		code: 'x',
		name: 'x',
		rows: rows(
			'x',
			values.map((v, i) => [`2024-0${i + 1}`, v === null ? null : [v, 0, 1]])
		)
	});

	it('zooms to where percentages sit and still shows the target', () => {
		const r = yRange([only([85.37, 92.4, 88])], { ...config, target: undefined });
		expect(r.min).toBeGreaterThan(70);
		expect(r.max).toBeLessThanOrEqual(100);
		const withTarget = yRange([only([92, 95])], {
			...config,
			target: { kind: 'line', value: 80, label: '' }
		});
		expect(withTarget.min).toBeLessThanOrEqual(80);
	});

	it('never goes below 0 or above 100% without cause', () => {
		const r = yRange([only([1, 99.5])], config);
		expect(r).toEqual({ min: 0, max: 100, interval: 25 });
		expect(yRange([only([95, 130])], config).max).toBeGreaterThanOrEqual(130);
	});

	it('copes with a flat series and with no values', () => {
		const r = yRange([only([90, 90])], config);
		expect(r.min!).toBeLessThan(90);
		expect(r.max!).toBeGreaterThan(90);
		expect(yRange([only([null, null])], config)).toEqual({});
	});
});
