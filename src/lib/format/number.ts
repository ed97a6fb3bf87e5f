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
 * changes get one decimal at most: a second one would be noise on so few births.
 */
export function formatChange(delta: number | null, indicator: IndicatorUnit, lang: Lang): string {
	if (delta === null || !Number.isFinite(delta)) return DASH;
	const decimals =
		indicator.unit === 'ratio' ? Math.min(indicator.decimals, 1) : indicator.decimals;
	const body = formatNumber(Math.abs(delta), decimals);
	const zero = !/[1-9]/.test(body);
	const signed = zero ? '±0' : `${delta > 0 ? '+' : '-'}${body}`;
	switch (indicator.unit) {
		case 'percent':
			return lang === 'zh' ? `${signed}个百分点` : `${signed} pp`;
		case 'permille':
			return `${signed}‰`;
		default:
			return signed;
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
 * hundred million). English readers do not count in 万, so en gives whole yuan from ten thousand:
 * CNY 541,412. Fen are shown only when there are any.
 */
export function formatYuan(yuan: number | null, lang: Lang): string {
	if (yuan === null || !Number.isFinite(yuan)) return DASH;
	const abs = Math.abs(yuan);
	const sign = yuan < 0 && abs >= 0.005 ? '-' : '';
	const small = (x: number) => formatNumber(x, Number.isInteger(Math.round(x * 100) / 100) ? 0 : 2);
	if (lang === 'en') return `${sign}CNY ${abs >= 10_000 ? formatNumber(abs, 0) : small(abs)}`;
	if (abs >= 1e8) return `${sign}${formatNumber(abs / 1e8, 2)}亿元`;
	if (abs >= 10_000) return `${sign}${formatNumber(abs / 10_000, 2)}万元`;
	return `${sign}${small(abs)}元`;
}
