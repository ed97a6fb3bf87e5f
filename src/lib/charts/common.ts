import {
	escapeHtml,
	formatAmount,
	formatIndicatorValue,
	formatPartial,
	formatPeriodKey,
	paren
} from '../format';
import { t } from '../i18n';
import type { IndicatorRow } from '../query/types';
import type { TrendConfig, TrendSeries, TrendTarget } from './types';
import { smallNumbers } from '../views/small-numbers';

/** Calm, colour-blind-friendly hues (Tableau 10, toned down); the county gets ink. */
export const palette = [
	'#4e79a7',
	'#f28e2b',
	'#59a14f',
	'#b07aa1',
	'#76b7b2',
	'#e15759',
	'#9c755f',
	'#edc948',
	'#ff9da7',
	'#bab0ac'
];
export const countyColour = '#1f2d3d';
export const targetColour = '#a23b2c';
export const bandColour = 'rgba(89, 161, 79, 0.12)';
export const fontFamily =
	'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

// 12-digit statistical code: a county is its 6-digit prefix followed by zeros.
export const isCounty = (s: TrendSeries) =>
	s.level ? s.level === 'county' : /^\d{6}0{6}$/.test(s.code);

/** Every period key of every series, in time order (series may cover different ranges). */
export function categories(series: TrendSeries[]): string[] {
	const from = new Map<string, number>();
	for (const s of series) for (const r of s.rows) from.set(r.period_key, r.period_from);
	return [...from.keys()].sort((a, b) => from.get(a)! - from.get(b)! || a.localeCompare(b));
}

/** Rows of a series aligned to the categories: null where it has no row. */
export function aligned(s: TrendSeries, keys: string[]): (IndicatorRow | null)[] {
	const byKey = new Map(s.rows.map((r) => [r.period_key, r]));
	return keys.map((k) => byKey.get(k) ?? null);
}

export const isAnnualised = (series: TrendSeries[], config: TrendConfig) =>
	config.annualised && series.some((s) => s.rows.some((r) => r.annualised));

/**
 * The y-axis name: the unit, plus 年化 or 累计 for population rates, whose cumulative value
 * grows through the year and so must never be read as a yearly rate unlabelled.
 */
export function axisName(series: TrendSeries[], config: TrendConfig): string {
	const { lang, indicator } = config;
	const unit = t(lang, `unit.${indicator.unit}`);
	const basis = isAnnualised(series, config)
		? t(lang, 'trends.annualised')
		: indicator.unit === 'permille'
			? t(lang, 'trends.cumulative')
			: '';
	if (!basis) return unit;
	return `${unit}${paren(lang === 'zh' ? basis : basis.toLowerCase(), lang)}`;
}

function niceStep(rough: number): number {
	const power = 10 ** Math.floor(Math.log10(rough));
	const f = rough / power;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/**
 * A y range around the data and the target rather than 0–100: compliance rates sit at 85–95
 * and would be a flat line on a full scale. Rates never go below 0 or (when no value does)
 * above 100%; counts start at 0 so bar-like reading stays honest. Undefined bounds let ECharts
 * choose when there is nothing to show.
 */
export function yRange(
	series: TrendSeries[],
	config: Pick<TrendConfig, 'indicator' | 'target'>,
	ticks = 4
): { min?: number; max?: number; interval?: number } {
	const values: number[] = [];
	for (const s of series) for (const r of s.rows) if (r.value !== null) values.push(r.value);
	if (values.length === 0) return {};
	const target = config.target;
	if (target?.kind === 'line') values.push(target.value);
	if (target?.kind === 'band') values.push(target.low, target.high);
	let lo = Math.min(...values);
	let hi = Math.max(...values);
	const unit = config.indicator.unit;
	if (unit === 'count') lo = Math.min(lo, 0);
	const span = hi - lo || Math.max(Math.abs(hi) * 0.1, 1);
	const step = niceStep(span / ticks);
	const allNonNegative = lo >= 0;
	lo = Math.floor((lo - span * 0.05) / step) * step;
	hi = Math.ceil((hi + span * 0.05) / step) * step;
	if (allNonNegative) lo = Math.max(lo, 0);
	if (unit === 'percent' && Math.max(...values) <= 100) hi = Math.min(hi, 100);
	// floating steps like 0.1 leave 0.30000000000000004 behind
	const clean = (x: number) => Number(x.toPrecision(12));
	// the interval is given too: with only min and max ECharts may pick ticks off the bounds
	return { min: clean(lo), max: clean(hi), interval: step };
}

export function targetMarks(target: TrendTarget | undefined, labelled = true) {
	if (!target) return {};
	if (target.kind === 'line')
		return {
			markLine: {
				silent: true,
				symbol: 'none',
				lineStyle: { color: targetColour, type: 'dashed' as const, width: 1 },
				label: {
					show: labelled,
					formatter: target.label,
					position: 'insideEndTop' as const,
					color: targetColour
				},
				data: [{ yAxis: target.value, name: target.label }]
			}
		};
	return {
		markArea: {
			silent: true,
			itemStyle: { color: bandColour },
			label: { show: labelled, position: 'insideTopLeft' as const, color: '#3d7a34' },
			data: [[{ yAxis: target.low, name: target.label }, { yAxis: target.high }]] as [
				{ yAxis: number; name: string },
				{ yAxis: number }
			][]
		}
	};
}

/** Visual width in half-width units: a CJK character counts two. */
const visualWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** Cuts a name to a visual width with an ellipsis (canvas titles cannot wrap or clip). */
export function truncate(s: string, width: number): string {
	if (visualWidth(s) <= width) return s;
	let out = '';
	for (const c of s) {
		if (visualWidth(out + c) > width - 2) break;
		out += c;
	}
	return `${out}…`;
}

/** What ECharts passes to a tooltip formatter, as far as we read it. */
export interface TipParam {
	seriesIndex?: number;
	dataIndex?: number;
	axisValue?: string | number;
	name?: string;
	color?: unknown;
}

function counts(row: IndicatorRow, config: TrendConfig, labelled: boolean): string {
	if (row.numerator === null) return '';
	const kinds = config.amounts ?? { numerator: 'count', denominator: 'count' };
	const num = formatAmount(row.numerator, kinds.numerator, config.lang);
	if (row.denominator === null || config.denominatorLabel === null)
		return labelled ? `${escapeHtml(config.numeratorLabel)} ${num}` : num;
	const den = formatAmount(row.denominator, kinds.denominator, config.lang);
	if (!labelled) return `${num} / ${den}`;
	return t(config.lang, 'tile.fraction', {
		numeratorLabel: escapeHtml(config.numeratorLabel),
		numerator: num,
		denominatorLabel: escapeHtml(config.denominatorLabel),
		denominator: den
	});
}

/** 事件数少 with the 95% Wilson interval, for a rate resting on fewer than 20 events. */
function smallNote(row: IndicatorRow, config: TrendConfig): string {
	const small = smallNumbers(row, config.indicator, config.moneyDenominator);
	if (!small) return '';
	const range = small.interval
		? ` ${t(config.lang, 'tile.smallInterval', {
				lo: formatIndicatorValue(small.interval[0], config.indicator, config.lang),
				hi: formatIndicatorValue(small.interval[1], config.indicator, config.lang)
			})}`
		: '';
	return `<div style="color:#a15c00">${escapeHtml(t(config.lang, 'tile.smallNumbers') + range)}</div>`;
}

const muted = (s: string) => (s ? ` <span style="color:#888">${s}</span>` : '');

/**
 * HTML tooltip: period (and 年化) on top, then one line per unit sorted by value. With one unit
 * the counts carry their labels (政策内出生 152 / 出生人数 164); with several the labels go in
 * the header once so the lines stay short. Everything from data is escaped.
 */
export function tooltipFormatter(
	series: TrendSeries[],
	keys: string[],
	config: TrendConfig
): (params: TipParam | TipParam[]) => string {
	const rows = series.map((s) => aligned(s, keys));
	const annualised = isAnnualised(series, config);
	return (params) => {
		const list = (Array.isArray(params) ? params : [params]).filter(
			(p) => p.seriesIndex !== undefined && p.dataIndex !== undefined && series[p.seriesIndex]
		);
		if (list.length === 0) return '';
		const key = keys[list[0].dataIndex!] ?? String(list[0].axisValue ?? '');
		const single = list.length === 1;
		let head = `<b>${escapeHtml(formatPeriodKey(key, config.lang))}</b>`;
		if (annualised) head += muted(t(config.lang, 'trends.annualised'));
		if (!single) {
			const labels = [config.numeratorLabel, config.denominatorLabel].filter((x) => x !== null);
			head += muted(labels.map(escapeHtml).join(' / '));
		}
		const lines = list
			.map((p) => ({ p, row: rows[p.seriesIndex!][p.dataIndex!] }))
			.sort((a, b) => (b.row?.value ?? -Infinity) - (a.row?.value ?? -Infinity))
			.map(({ p, row }) => {
				const s = series[p.seriesIndex!];
				const colour = typeof p.color === 'string' ? escapeHtml(p.color) : '#888';
				const dot = `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${colour};margin-right:4px"></span>`;
				const value = formatIndicatorValue(row?.value ?? null, config.indicator, config.lang);
				const detail = row ? counts(row, config, single) : '';
				const partial = row ? formatPartial(row, config.lang) : '';
				const small = row ? smallNote(row, config) : '';
				return (
					`<div>${dot}${escapeHtml(s.name)} <b>${value}</b>` +
					`${muted(partial)}${detail ? muted(detail) : ''}${small}</div>`
				);
			});
		return `<div>${head}</div>${lines.join('')}`;
	};
}
