import type { Indicator, Measure } from '../config/catalog-schema';
import type { Lang } from '../i18n';

export const DASH = '—';

type IndicatorUnit = Pick<Indicator, 'unit' | 'decimals'>;

/**
 * Fixed decimals with comma grouping, the same in zh and en (Chinese reports group by
 * thousands too). Done by hand rather than Intl so output does not depend on the ICU build,
 * and so a value that rounds to zero never prints as "-0.00".
 */
export function formatNumber(n: number, decimals: number): string {
	if (!Number.isFinite(n)) return DASH;
	let text = Math.abs(n).toFixed(decimals);
	const negative = n < 0 && /[1-9]/.test(text);
	const [int, frac] = text.split('.');
	text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
	return negative ? `-${text}` : text;
}

/** Up to `maxDecimals`, trailing zeros dropped: 20,404.5 for a mean population, 164 for births. */
export function formatQuantity(n: number | null, maxDecimals = 2): string {
	if (n === null || !Number.isFinite(n)) return DASH;
	const text = formatNumber(n, maxDecimals);
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

// Both languages group by thousands; lang is kept so callers need not know that.
export function formatCount(n: number | null, _lang: Lang): string {
	if (n === null) return DASH;
	return formatNumber(Math.round(n), 0);
}

/** 92.40% · 8.04‰ · 107.14 (sex ratio, female = 100) · 3 */
export function formatIndicatorValue(
	value: number | null,
	indicator: IndicatorUnit,
	_lang: Lang
): string {
	if (value === null || !Number.isFinite(value)) return DASH;
	const text = formatNumber(value, indicator.decimals);
	switch (indicator.unit) {
		case 'percent':
			return `${text}%`;
		case 'permille':
			return `${text}‰`;
		default:
			return text;
	}
}

/**
 * Change against the same period last year. A difference of percentages is in percentage
 * points (个百分点), never "%", which readers would take for a relative change. Sex-ratio
 * changes get one decimal at most: a second one would be noise on so few births. A change that
 * is not zero but rounds to zero at that precision gets the decimals it needs (+0.05, up to
 * three more): "±0" is kept for no change at all, so a reader never takes a move for none.
 */
export function formatChange(delta: number | null, indicator: IndicatorUnit, lang: Lang): string {
	if (delta === null || !Number.isFinite(delta)) return DASH;
	let decimals = indicator.unit === 'ratio' ? Math.min(indicator.decimals, 1) : indicator.decimals;
	// differences of equal floating values leave residues like 1e-15: that is no change
	const exactZero = Math.abs(delta) < 1e-9;
	let body = formatNumber(Math.abs(delta), decimals);
	while (!exactZero && !/[1-9]/.test(body) && decimals < indicator.decimals + 3)
		body = formatNumber(Math.abs(delta), ++decimals);
	const zero = exactZero || !/[1-9]/.test(body);
	const signed = zero ? '±0' : `${delta > 0 ? '+' : '-'}${body}`;
	switch (indicator.unit) {
		case 'percent':
			return lang === 'zh' ? `${signed}个百分点` : `${signed} pp`;
		case 'permille':
			return lang === 'zh' ? `${signed}个千分点` : `${signed} ‰ points`;
		default:
			return signed;
	}
}

/**
 * A distance between two values of an indicator, without sign, as a bulletin writes it after
 * 上升 / 下降 / 高于 / 低于: "0.33 个百分点", "1.2 个千分点", "2.5" (sex ratio) / "0.33
 * percentage points". At the indicator's own decimals, so it agrees with the values printed.
 */
export function formatDistance(delta: number, indicator: IndicatorUnit, lang: Lang): string {
	const body = formatNumber(Math.abs(delta), indicator.decimals);
	switch (indicator.unit) {
		case 'percent':
			return lang === 'zh' ? `${body} 个百分点` : `${body} percentage points`;
		case 'permille':
			return lang === 'zh' ? `${body} 个千分点` : `${body} per-mille points`;
		default:
			return body;
	}
}

type MeasureUnit = Measure['unit'];

const zhUnits: Record<Exclude<MeasureUnit, 'yuan'>, string> = {
	person: '人',
	case: '例',
	couple: '对',
	item: '件'
};
const enUnits: Record<Exclude<MeasureUnit, 'yuan'>, [string, string]> = {
	person: ['person', 'people'],
	case: ['case', 'cases'],
	couple: ['couple', 'couples'],
	item: ['item', 'items']
};

/** 164人 · 3例 · 142对 · 5件 / 164 people · 1 case · 142 couples · 5 items; yuan as formatYuan. */
export function formatMeasure(n: number | null, unit: MeasureUnit, lang: Lang): string {
	if (n === null || !Number.isFinite(n)) return DASH;
	if (unit === 'yuan') return formatYuan(n, lang);
	const text = formatQuantity(n);
	if (lang === 'zh') return `${text}${zhUnits[unit]}`;
	const [one, many] = enUnits[unit];
	return `${text} ${n === 1 ? one : many}`;
}

/**
 * Money as the seeds write it: 2,500.50元 below ten thousand, 54.14万元 from there (亿元 from a
 * hundred million). English keeps the same scale, so a figure reads the same number in both
 * languages (a leader compares the printed zh and en): 2,500.50 yuan · 54.14 10k yuan. Fen are
 * shown only when there are any.
 */
export function formatYuan(yuan: number | null, lang: Lang): string {
	if (yuan === null || !Number.isFinite(yuan)) return DASH;
	const abs = Math.abs(yuan);
	const sign = yuan < 0 && abs >= 0.005 ? '-' : '';
	const small = (x: number) => formatNumber(x, Number.isInteger(Math.round(x * 100) / 100) ? 0 : 2);
	const [text, unit] =
		abs >= 1e8
			? [formatNumber(abs / 1e8, 2), lang === 'zh' ? '亿元' : ' 100m yuan']
			: abs >= 10_000
				? [formatNumber(abs / 10_000, 2), lang === 'zh' ? '万元' : ' 10k yuan']
				: [small(abs), lang === 'zh' ? '元' : ' yuan'];
	return `${sign}${text}${unit}`;
}

/** What a numerator or denominator counts: events, a mean of a stock, or money. */
export type AmountKind = 'count' | 'mean' | 'money';

/**
 * The counts behind a rate (政策内出生 152 / 出生人数 164). A mean population is an average of
 * month-end stocks and so often ends in .5; it is shown in whole persons (its label says 平均),
 * money in 元/万元.
 */
export function formatAmount(n: number | null, kind: AmountKind, lang: Lang): string {
	if (n === null || !Number.isFinite(n)) return DASH;
	if (kind === 'money') return formatYuan(n, lang);
	if (kind === 'mean') return formatCount(n, lang);
	return formatQuantity(n);
}

/** A number rounded for a spreadsheet cell (CSV keeps numbers as numbers, not text). */
export const roundTo = (n: number, decimals: number): number => Number(n.toFixed(decimals));

/** A score (points out of a weight): always two decimals, so a column of scores lines up. */
export const formatScore = (score: number): string => formatNumber(score, 2);

/** A file or download size: 32.7 MB, 4.1 KB (the same in both languages). */
export function formatBytes(bytes: number): string {
	if (bytes >= 1e6) return `${formatNumber(bytes / 1e6, 1)} MB`;
	return `${formatNumber(bytes / 1e3, 1)} KB`;
}
