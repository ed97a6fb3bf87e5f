import type { EChartsOption } from 'echarts';
import { escapeHtml, formatNumber, formatQuantity, paren } from '../format';
import { t, type Lang } from '../i18n';
import type { FunnelData, FunnelPoint } from '../views/funnel';
import { fontFamily } from './common';

export interface FunnelChartConfig {
	lang: Lang;
	indicatorName: string;
	/** What the denominator counts, e.g. 出生人数. */
	denominatorLabel: string;
	decimals: number;
	unit: string;
	/** What the reference line is: the county total, the target, or the band's ends. */
	referenceLabel: string;
}

const OUTSIDE = new Set(['above998', 'below998', 'above95', 'below95']);
const COLOURS: Record<FunnelPoint['place'], string> = {
	inside: '#0b57a4',
	above95: '#e08a00',
	below95: '#e08a00',
	above998: '#c62828',
	below998: '#c62828'
};

/**
 * A funnel plot (Spiegelhalter 2005): every unit at (denominator, value), the reference line,
 * 95% and 99.8% control limits as curves. Units outside the limits carry their names; every
 * point's tooltip says where it falls in words. Small denominators are drawn hollow.
 */
export function buildFunnelOption(data: FunnelData, config: FunnelChartConfig): EChartsOption {
	const { lang } = config;
	const fmt = (v: number) => `${formatNumber(v, config.decimals)}${config.unit}`;
	const line = (key: keyof FunnelData['curve'], name: string, dashed: boolean, colour: string) => ({
		type: 'line' as const,
		name,
		data: data.curve.n.map((n, i) => [n, data.curve[key][i]]),
		showSymbol: false,
		silent: true,
		lineStyle: { type: dashed ? ('dashed' as const) : ('solid' as const), color: colour, width: 1 },
		itemStyle: { color: colour }
	});
	return {
		animation: false,
		textStyle: { fontFamily },
		// room for the legend on two rows (a phone) above the y axis name
		grid: { left: 60, right: 30, top: 60, bottom: 50 },
		legend: { top: 0 },
		xAxis: {
			type: 'value',
			name: config.denominatorLabel,
			nameLocation: 'middle',
			nameGap: 30,
			scale: true
		},
		yAxis: { type: 'value', name: config.indicatorName, scale: true },
		tooltip: {
			trigger: 'item',
			formatter: ((p: { seriesIndex: number; dataIndex: number }) => {
				if (p.seriesIndex !== 0) return '';
				const pt = data.points[p.dataIndex];
				return `<b>${escapeHtml(pt.name)}</b><br>${fmt(pt.value)}${paren(`${formatQuantity(pt.y)} / ${formatQuantity(pt.n)}`, lang)}<br>${t(lang, `funnel.${pt.place}`)}${pt.small ? `<br>${t(lang, 'tile.smallNumbers')}` : ''}`;
			}) as never
		},
		series: [
			{
				type: 'scatter',
				name: t(lang, 'funnel.units'),
				data: data.points.map((pt) => ({
					value: [pt.n, pt.value],
					itemStyle: pt.small
						? { color: '#fff', borderColor: COLOURS[pt.place], borderWidth: 1.5 }
						: { color: COLOURS[pt.place] },
					label: {
						show: OUTSIDE.has(pt.place),
						formatter: pt.name,
						position: 'right' as const,
						fontSize: 11
					}
				})),
				symbolSize: 8,
				z: 5,
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: '#444' },
					label: { formatter: config.referenceLabel, position: 'insideEndTop' as const },
					data: data.reference.map((v) => ({ yAxis: v }))
				}
			},
			line('upper998', t(lang, 'funnel.limit998'), false, '#c62828'),
			line('lower998', t(lang, 'funnel.limit998'), false, '#c62828'),
			line('upper95', t(lang, 'funnel.limit95'), true, '#e08a00'),
			line('lower95', t(lang, 'funnel.limit95'), true, '#e08a00')
		]
	};
}
