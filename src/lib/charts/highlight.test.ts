import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { config, county, rows } from './fixture';
import { greyLook, lineLooks, MAX_HIGHLIGHT, svgDash, toggleHighlight } from './highlight';
import { buildTrendOption } from './trend';
import type { TrendSeries } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- reading ECharts' loose option unions */
const seriesOf = (o: any) => o.series as LineSeriesOption[];

// the demo county's 19 townships: more lines than any palette keeps apart
const townships: TrendSeries[] = Array.from({ length: 19 }, (_, i) => {
	const code = `9901010${String(i + 1).padStart(2, '0')}000`;
	return {
		code,
		name: `乡镇${i + 1}`,
		level: 'township',
		rows: rows(code, [
			['2024-01', [80 + i, 80 + i, 100]],
			['2024-02', [81 + i, 81 + i, 100]]
		])
	};
});
const code = (i: number) => townships[i].code;

describe('highlighting units on the trends chart', () => {
	it('draws 19 townships grey when none is chosen, with no legend of 19 names', () => {
		const option = buildTrendOption(townships, config) as any;
		const lines = seriesOf(option);
		expect(new Set(lines.map((l) => l.color))).toEqual(new Set([greyLook.colour]));
		expect(lines.every((l) => l.showSymbol === false)).toBe(true);
		expect(option.legend.show).toBe(false);
	});

	it('gives each chosen unit its own colour, dash and marker; the rest stay thin and grey', () => {
		const chosen = [code(4), code(0), code(11)];
		const option = buildTrendOption([county, ...townships], {
			...config,
			highlight: chosen
		}) as any;
		const lines = seriesOf(option);
		const byCode = new Map(lines.map((l) => [l.id, l]));
		const lit = chosen.map((c) => byCode.get(c)!);
		for (const key of ['color', 'symbol'] as const)
			expect(new Set(lit.map((l) => l[key])).size).toBe(3);
		expect(new Set(lit.map((l) => JSON.stringify((l.lineStyle as any).type))).size).toBe(3);
		expect(lit.every((l) => l.color !== greyLook.colour && l.showSymbol)).toBe(true);
		// the county stays ink, thickest, on top
		const c = byCode.get(county.code)!;
		expect(c.color).toBe('#1f2d3d');
		expect((c.lineStyle as any).width).toBeGreaterThan((lit[0].lineStyle as any).width);
		const grey = lines.filter((l) => l.id !== county.code && !chosen.includes(String(l.id)));
		expect(grey).toHaveLength(16);
		expect(grey.every((l) => l.color === greyLook.colour && (l.lineStyle as any).width === 1)).toBe(
			true
		);
		expect(Math.max(...grey.map((l) => l.z!))).toBeLessThan(Math.min(...lit.map((l) => l.z!)));
		// the legend names the county and the chosen units, in the order chosen
		expect(option.legend.data).toEqual(['示范县', '乡镇5', '乡镇1', '乡镇12']);
	});

	it('highlights every unit when there are few enough to tell apart without choosing', () => {
		const looks = lineLooks([county, ...townships.slice(0, 3)], []);
		expect(looks.filter((l) => l === greyLook)).toHaveLength(0);
		expect(new Set(looks.map((l) => l.colour)).size).toBe(4);
	});

	it('ignores chosen codes that are not drawn and never highlights more than five', () => {
		const many = townships.slice(0, 7).map((t) => t.code);
		const looks = lineLooks(townships, ['000000000000', ...many]);
		expect(looks.filter((l) => l !== greyLook)).toHaveLength(MAX_HIGHLIGHT);
	});

	it('a click adds a unit or lets it go; a sixth pushes out the first chosen', () => {
		expect(toggleHighlight([], 'a')).toEqual(['a']);
		expect(toggleHighlight(['a', 'b'], 'a')).toEqual(['b']);
		expect(toggleHighlight(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual(['b', 'c', 'd', 'e', 'f']);
	});

	it('draws the same dashes in the picker swatches', () => {
		expect(svgDash('solid', 2)).toBeUndefined();
		expect(svgDash('dashed', 2)).toBe('10 6');
		expect(svgDash([8, 3, 2, 3], 2)).toBe('8 3 2 3');
	});
});
