import type { EChartsOption } from 'echarts';
import type { UnitAssessment } from '../assess';
import { escapeHtml, formatScore, paren } from '../format';
import { t, type Lang } from '../i18n';
import { fontFamily, truncate } from './common';

export interface RankingChartConfig {
	lang: Lang;
	/** Tier names in the scheme's order, best first (bands are drawn in this order). */
	tiers: readonly string[];
	/** Indicator ids and display names, in scheme order (the heat map's columns). */
	indicators: readonly { id: string; name: string; weight: number }[];
	/** A tier's name in the chart's language. */
	tierLabel?: (name: string) => string;
}

/** Ranked units in rank order (ties by code); the unranked (no data) are left out of charts. */
const rankOrder = (units: readonly UnitAssessment[]) =>
	units
		.filter((u) => u.rank !== null)
		.sort((a, b) => a.rank! - b.rank! || a.code.localeCompare(b.code));

/** Tier band colours, best first; text always names the tier too (never colour alone). */
const TIER_COLOURS = ['rgba(46,125,50,0.10)', 'rgba(25,118,210,0.08)', 'rgba(198,40,40,0.10)'];
const BAR = '#0b57a4';

/**
 * Composite scores as horizontal bars, best at the top, on shaded tier bands that name their
 * tier. Units without a rank (no data) are left out of the bars; the table lists them.
 */
/** The unit behind a bar (the chart's dataIndex), for its click: a bar opens its unit's page. */
export function rankingBarUnit(
	units: readonly UnitAssessment[],
	dataIndex: number
): UnitAssessment | undefined {
	return rankOrder(units)[dataIndex];
}

export function buildRankingBarOption(
	units: readonly UnitAssessment[],
	config: RankingChartConfig
): EChartsOption {
	const ranked = rankOrder(units);
	const names = ranked.map((u) => `${u.rank}. ${truncate(u.name, 12)}`);
	const bands = config.tiers.flatMap((tier, i) => {
		const rows = ranked.map((u, k) => (u.tier === tier ? k : -1)).filter((k) => k >= 0);
		if (!rows.length) return [];
		return [
			[
				{
					yAxis: names[rows[0]],
					name: tier,
					itemStyle: { color: TIER_COLOURS[i % TIER_COLOURS.length] },
					label: {
						show: true,
						position: 'right' as const,
						color: '#444',
						formatter: config.tierLabel?.(tier) ?? tier
					}
				},
				{ yAxis: names[rows[rows.length - 1]] }
			]
		];
	});
	return {
		animation: false,
		textStyle: { fontFamily },
		grid: { left: 130, right: 120, top: 16, bottom: 28 },
		xAxis: { type: 'value', min: 0, max: 100, name: t(config.lang, 'rankings.score') },
		yAxis: { type: 'category', data: names, inverse: true, axisLabel: { interval: 0 } },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: ((params: { dataIndex: number }[]) => {
				const u = ranked[params[0]?.dataIndex ?? -1];
				if (!u) return '';
				const tier = u.tier ? ` · ${escapeHtml(config.tierLabel?.(u.tier) ?? u.tier)}` : '';
				return `<b>${escapeHtml(u.name)}</b><br>${t(config.lang, 'rankings.score')} ${formatScore(u.score)}${tier}`;
			}) as never
		},
		series: [
			{
				type: 'bar',
				data: ranked.map((u) => u.score),
				itemStyle: { color: BAR },
				barMaxWidth: 16,
				label: {
					show: true,
					position: 'right',
					formatter: (p: { value: unknown }) => formatScore(Number(p.value))
				},
				markArea: { silent: true, data: bands as never }
			}
		]
	};
}

/**
 * Unit × indicator heat map of each score as a share of its weight (0–100%), units in rank
 * order. The cell text carries the share, so the colour is never the only reading.
 */
export function buildScoreHeatmapOption(
	units: readonly UnitAssessment[],
	config: RankingChartConfig
): EChartsOption {
	const ranked = rankOrder(units);
	const data = ranked.flatMap((u, y) =>
		config.indicators.map((ind, x) => {
			const s = u.indicators[ind.id];
			const share = s && s.weight > 0 ? Math.round((s.score / s.weight) * 100) : null;
			return [x, y, share];
		})
	);
	return {
		animation: false,
		textStyle: { fontFamily },
		grid: { left: 110, right: 20, top: 70, bottom: 40 },
		xAxis: {
			type: 'category',
			position: 'top',
			data: config.indicators.map((i) => truncate(i.name, 8)),
			axisLabel: { interval: 0, rotate: 30 }
		},
		yAxis: { type: 'category', inverse: true, data: ranked.map((u) => truncate(u.name, 10)) },
		visualMap: {
			min: 0,
			max: 100,
			orient: 'horizontal',
			left: 'center',
			bottom: 0,
			itemHeight: 120,
			text: ['100%', '0%'],
			inRange: { color: ['#c62828', '#fbc02d', '#2e7d32'] },
			calculable: false
		},
		tooltip: {
			formatter: ((p: { value: [number, number, number | null] }) => {
				const [x, y, share] = p.value;
				const u = ranked[y];
				const ind = config.indicators[x];
				const s = u?.indicators[ind?.id ?? ''];
				if (!u || !ind || !s) return '';
				return `<b>${escapeHtml(u.name)}</b> · ${escapeHtml(ind.name)}<br>${formatScore(s.score)} / ${s.weight}${paren(`${share ?? '—'}%`, config.lang)}`;
			}) as never
		},
		series: [{ type: 'heatmap', data: data as never, label: { show: true, fontSize: 10 } }]
	};
}
